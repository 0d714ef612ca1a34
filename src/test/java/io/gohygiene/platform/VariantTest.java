package io.gohygiene.platform;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The values are those of {@code go help environment}, "Architecture-specific environment variables" (Go 1.26). */
class VariantTest {

    @ParameterizedTest(name = "{0} is refined by {1}")
    @CsvSource({
            "amd64,    GOAMD64",
            "arm,      GOARM",
            "arm64,    GOARM64",
            "386,      GO386",
            "mips,     GOMIPS",
            "mipsle,   GOMIPS",
            "mips64,   GOMIPS64",
            "mips64le, GOMIPS64",
            "ppc64,    GOPPC64",
            "ppc64le,  GOPPC64",
            "riscv64,  GORISCV64",
            "wasm,     GOWASM",
    })
    void namesTheVariableThatRefinesEachArchitecture(String goarch, Variant variable) {
        assertEquals(Optional.of(variable), Variant.forGoarch(goarch));
    }

    @ParameterizedTest(name = "{0} has no variant")
    @ValueSource(strings = {"s390x", "loong64", "amd65", "", "AMD64"})
    void architecturesWithoutAVariableHaveNone(String goarch) {
        assertEquals(Optional.empty(), Variant.forGoarch(goarch));
    }

    @ParameterizedTest(name = "{0}={1} is accepted")
    @CsvSource({
            "GOAMD64,   v1", "GOAMD64, v2", "GOAMD64, v3", "GOAMD64, v4",
            "GOARM,     5", "GOARM, 6", "GOARM, 7", "GOARM, '7,softfloat'", "GOARM, '6,hardfloat'",
            "GOARM64,   v8.0", "GOARM64, v8.9", "GOARM64, v9.0", "GOARM64, v9.5",
            "GOARM64,   'v8.2,lse'", "GOARM64, 'v8.1,crypto'", "GOARM64, 'v9.0,lse,crypto'",
            "GO386,     sse2", "GO386, softfloat",
            "GOMIPS,    hardfloat", "GOMIPS, softfloat", "GOMIPS64, hardfloat", "GOMIPS64, softfloat",
            "GOPPC64,   power8", "GOPPC64, power9", "GOPPC64, power10",
            "GORISCV64, rva20u64", "GORISCV64, rva22u64", "GORISCV64, rva23u64",
            "GOWASM,    satconv", "GOWASM, signext", "GOWASM, 'satconv,signext'",
    })
    void acceptsTheValuesGoAccepts(Variant variable, String value) {
        assertTrue(variable.accepts(value), variable + "=" + value);
    }

    @ParameterizedTest(name = "{0}={1} is rejected")
    @CsvSource({
            "GOAMD64,   v0", "GOAMD64, v5", "GOAMD64, v9", "GOAMD64, 3", "GOAMD64, V3", "GOAMD64, ''",
            "GOARM,     4", "GOARM, 8", "GOARM, v7", "GOARM, '7,soft'",
            "GOARM64,   v8", "GOARM64, v8.10", "GOARM64, v9.6", "GOARM64, v10.0", "GOARM64, 8.2", "GOARM64, 'v8.2,sve'",
            "GO386,     387",
            "GOMIPS,    soft",
            "GOPPC64,   power7", "GOPPC64, power11",
            "GORISCV64, rva24u64",
            "GOWASM,    simd",
    })
    void rejectsValuesGoRejects(Variant variable, String value) {
        assertFalse(variable.accepts(value), variable + "=" + value);
    }

    @ParameterizedTest(name = "{0} lists {1}")
    @CsvSource(delimiter = '|', value = {
            "GOAMD64   | v1, v2, v3, v4",
            "GOARM     | 5, 6, 7",
            "GOARM64   | v8.0",
            "GOPPC64   | power8, power9, power10",
            "GORISCV64 | rva20u64, rva22u64, rva23u64",
    })
    void listsTheAcceptedValuesForMessages(Variant variable, String listed) {
        assertTrue(variable.acceptedValues().contains(listed), variable.acceptedValues());
    }
}
