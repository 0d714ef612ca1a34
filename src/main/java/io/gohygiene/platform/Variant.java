package io.gohygiene.platform;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The per-architecture variable that refines a GOARCH (GOAMD64=v3, GOARM=7, …), with the values Go accepts.
 * See {@code go help environment}, "Architecture-specific environment variables".
 */
public enum Variant {
    GOAMD64("amd64", Pattern.compile("v[1-4]"), "v1, v2, v3, v4"),
    GOARM("arm", Pattern.compile("[567](,(softfloat|hardfloat))?"), "5, 6, 7 (optionally ,softfloat or ,hardfloat)"),
    GOARM64("arm64", Pattern.compile("v(8\\.[0-9]|9\\.[0-5])(,(lse|crypto))*"), "v8.0 … v8.9, v9.0 … v9.5 (optionally ,lse ,crypto)"),
    GO386("386", Pattern.compile("sse2|softfloat"), "sse2, softfloat"),
    GOMIPS("mips mipsle", Pattern.compile("hardfloat|softfloat"), "hardfloat, softfloat"),
    GOMIPS64("mips64 mips64le", Pattern.compile("hardfloat|softfloat"), "hardfloat, softfloat"),
    GOPPC64("ppc64 ppc64le", Pattern.compile("power(8|9|10)"), "power8, power9, power10"),
    GORISCV64("riscv64", Pattern.compile("rva2[023]u64"), "rva20u64, rva22u64, rva23u64"),
    GOWASM("wasm", Pattern.compile("(satconv|signext)(,(satconv|signext))?"), "satconv, signext");

    private final List<String> goarches;
    private final Pattern accepted;
    private final String acceptedText;

    Variant(String goarches, Pattern accepted, String acceptedText) {
        this.goarches = List.of(goarches.split(" "));
        this.accepted = accepted;
        this.acceptedText = acceptedText;
    }

    /** The variable that refines {@code goarch}, if it has one. */
    public static Optional<Variant> forGoarch(String goarch) {
        for (Variant v : values()) {
            if (v.goarches.contains(goarch)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    public boolean accepts(String value) {
        return accepted.matcher(value).matches();
    }

    public String acceptedValues() {
        return acceptedText;
    }
}
