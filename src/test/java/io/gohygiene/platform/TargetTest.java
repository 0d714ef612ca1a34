package io.gohygiene.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetTest {

    @Test
    void parsesGoosSlashGoarch() {
        Target target = Target.parse("linux/amd64");

        assertEquals(new Platform("linux", "amd64"), target.platform());
        assertEquals("linux", target.goos());
        assertEquals("amd64", target.goarch());
        assertNull(target.variant());
        assertEquals(Optional.empty(), target.variantVariable());
        assertEquals("linux/amd64", target.name());
        assertFalse(target.wantsCgo());
    }

    @ParameterizedTest(name = "{0} is {1}/{2} with {4}={3}")
    @CsvSource({
            "linux/arm/7,                linux,   arm,      7,                 GOARM",
            "linux/amd64/v3,             linux,   amd64,    v3,                GOAMD64",
            "'linux/arm64/v8.2,lse',     linux,   arm64,    'v8.2,lse',        GOARM64",
            "'linux/arm/6,softfloat',    linux,   arm,      '6,softfloat',     GOARM",
            "windows/386/sse2,           windows, 386,      sse2,              GO386",
            "linux/ppc64le/power9,       linux,   ppc64le,  power9,            GOPPC64",
            "linux/riscv64/rva22u64,     linux,   riscv64,  rva22u64,          GORISCV64",
            "linux/mips64le/softfloat,   linux,   mips64le, softfloat,         GOMIPS64",
            "'js/wasm/satconv,signext',  js,      wasm,     'satconv,signext', GOWASM",
            "' darwin/amd64/v2 ',        darwin,  amd64,    v2,                GOAMD64",
    })
    void parsesAVariantAndKnowsItsVariable(String text, String goos, String goarch, String variant, Variant variable) {
        Target target = Target.parse(text);

        assertEquals(new Platform(goos, goarch), target.platform());
        assertEquals(variant, target.variant());
        assertEquals(Optional.of(variable), target.variantVariable());
        assertEquals(goos + "/" + goarch + "/" + variant, target.name());
    }

    @ParameterizedTest(name = "\"{0}\" is not a target")
    @ValueSource(strings = {"linux", "a/b/c/d", "", "linux/", "/amd64", "linux//amd64", "linux amd64", "linux/amd64/"})
    void rejectsWhatIsNotGoosSlashGoarchSayingHowToWriteIt(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.parse(text));

        assertTrue(e.getMessage().contains("GOOS/GOARCH"), e.getMessage());
        assertTrue(e.getMessage().contains("linux/amd64"), "the message shows an example: " + e.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\" is named in the message")
    @ValueSource(strings = {"linux", "a/b/c/d", "linux amd64"})
    void theMessageQuotesTheBadText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.parse(text));

        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void anUnknownGoamd64LevelListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.parse("linux/amd64/v9"));

        assertTrue(e.getMessage().contains("'v9'"), e.getMessage());
        assertTrue(e.getMessage().contains("GOAMD64"), e.getMessage());
        assertTrue(e.getMessage().contains("linux/amd64"), e.getMessage());
        assertTrue(e.getMessage().contains("v1, v2, v3, v4"), e.getMessage());
    }

    @Test
    void aGoarmValueOnAnAmd64TargetIsRejectedWithTheGoamd64Values() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.parse("windows/amd64/7"));

        assertTrue(e.getMessage().contains("'7'"), e.getMessage());
        assertTrue(e.getMessage().contains("GOAMD64"), e.getMessage());
        assertTrue(e.getMessage().contains("windows/amd64"), e.getMessage());
        assertTrue(e.getMessage().contains("v1, v2, v3, v4"), e.getMessage());
    }

    @Test
    void anUnknownGoarmVersionListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.parse("linux/arm/8"));

        assertTrue(e.getMessage().contains("GOARM"), e.getMessage());
        assertTrue(e.getMessage().contains("5, 6, 7"), e.getMessage());
    }

    @Test
    void aVariantOnAnArchitectureThatHasNoneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.parse("linux/s390x/z13"));

        assertTrue(e.getMessage().contains("linux/s390x"), e.getMessage());
        assertTrue(e.getMessage().contains("'z13'"), e.getMessage());
        assertTrue(e.getMessage().contains("no architecture variant"), e.getMessage());
    }

    @Test
    void blankVariantAndCompilerMeanNone() {
        Target target = new Target(Platform.parse("linux/amd64"), "  ", true, "");

        assertNull(target.variant());
        assertNull(target.cc());
        assertEquals("linux/amd64 (cgo)", target.toString());
    }

    @Test
    void showsCgoAndTheCompilerWhenCgoIsWanted() {
        Target target = new Target(Platform.parse("linux/arm64"), "v8.2", true, "zig cc -target aarch64-linux-gnu");

        assertTrue(target.wantsCgo());
        assertEquals("linux/arm64/v8.2 (cgo, CC=zig cc -target aarch64-linux-gnu)", target.toString());
    }

    @Test
    void cgoLeftToGoOrTurnedOffIsNotWanted() {
        assertFalse(new Target(Platform.parse("linux/amd64"), null, null, null).wantsCgo());
        assertFalse(new Target(Platform.parse("linux/amd64"), null, false, "gcc").wantsCgo());
        assertEquals("linux/amd64", new Target(Platform.parse("linux/amd64"), null, false, "gcc").toString());
    }

    @Test
    void ofIsThePlatformWithGoDefaults() {
        assertEquals(Target.parse("darwin/arm64"), Target.of(new Platform("darwin", "arm64")));
    }
}
