package io.gohygiene.rules;

import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.Lipo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.gohygiene.rules.RulesATestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real binaries against targets they are and are not for: ELF, PE, thin and universal Mach-O, ARM float ABIs. */
class TargetRuleTest {

    private static final int CPU_TYPE_X86 = 7;

    @TempDir
    Path tmp;

    private final TargetRule rule = new TargetRule();

    private List<Finding> evaluate(Path file, String target) {
        return rule.evaluate(inspect(file), target(target), RuleSettings.none());
    }

    private static Path arm(String goarm) {
        return GoBinaries.build("tiny", "linux", "arm", Map.of("GOARM", goarm));
    }

    private static Path cgoArmHardFloat(String goarm) {
        return GoBinaries.build("cgo", "linux", "arm", Map.of("CGO_ENABLED", "1", "CC", "arm-linux-gnueabihf-gcc", "GOARM", goarm));
    }

    private Path universal() {
        return Lipo.create(tmp.resolve("universal"), List.of(GoBinaries.build("darwin", "amd64"), GoBinaries.build("darwin", "arm64")));
    }

    @Test
    void linuxAmd64PassesAsLinuxAmd64() {
        List<Finding> findings = evaluate(pureGoLinuxAmd64(), "linux/amd64");
        assertEquals(List.of(), withVerdict(findings, Verdict.FAIL), () -> table(findings));
        assertEquals("amd64 (64-bit little-endian, ELF64 EM_X86_64)", one(findings, "header GOARCH").seen());
        assertVerdict(Verdict.PASS, one(findings, "build info GOARCH"), findings);
        assertVerdict(Verdict.PASS, one(findings, "header vs build info"), findings);
        assertVerdict(Verdict.INFO, one(findings, "GOAMD64"), findings);
    }

    @Test
    void amd64FailsAsLinuxArm64() {
        List<Finding> findings = evaluate(pureGoLinuxAmd64(), "linux/arm64");
        Finding header = one(findings, "header GOARCH");
        assertVerdict(Verdict.FAIL, header, findings);
        assertEquals("arm64 (64-bit little-endian)", header.expected());
        assertTrue(header.message().contains("64-bit little-endian amd64 executable (ELF64 EM_X86_64), not one for the target's arm64"),
                header.message());
        assertTrue(header.hint().contains("GOARCH=arm64"), header.hint());
        Finding buildInfo = one(findings, "build info GOARCH");
        assertVerdict(Verdict.FAIL, buildInfo, findings);
        assertEquals("GOARCH=amd64", buildInfo.seen());
        assertVerdict(Verdict.PASS, one(findings, "header vs build info"), findings);
        assertVerdict(Verdict.PASS, one(findings, "header GOOS"), findings);
    }

    @Test
    void aLinuxBinaryFailsAsDarwin() {
        List<Finding> findings = evaluate(pureGoLinuxAmd64(), "darwin/amd64");
        Finding f = one(findings, "header GOOS");
        assertVerdict(Verdict.FAIL, f, findings);
        assertTrue(f.message().contains("a linux executable (ELF), not one for the target's darwin"), f.message());
        assertVerdict(Verdict.FAIL, one(findings, "build info GOOS"), findings);
    }

    /** illumos binaries are branded as Solaris, and a static DragonFly binary carries no OS mark (read as linux). */
    @Test
    void illumosAndDragonflyHeadersAgreeWithTheirGoos() {
        for (String platform : List.of("illumos/amd64", "dragonfly/amd64")) {
            String[] p = platform.split("/");
            List<Finding> findings = evaluate(GoBinaries.build(p[0], p[1]), platform);
            assertEquals(List.of(), withVerdict(findings, Verdict.FAIL), () -> platform + "\n" + table(findings));
            assertVerdict(Verdict.PASS, one(findings, "header GOOS"), findings);
        }
        List<Finding> solaris = evaluate(GoBinaries.build("illumos", "amd64"), "linux/amd64");
        assertVerdict(Verdict.FAIL, one(solaris, "header GOOS"), solaris);
    }

    @Test
    void windowsPePassesAsWindowsAmd64() {
        List<Finding> findings = evaluate(GoBinaries.build("windows", "amd64"), "windows/amd64");
        assertEquals(List.of(), withVerdict(findings, Verdict.FAIL), () -> table(findings));
        assertTrue(one(findings, "header GOARCH").seen().contains("PE32+"), one(findings, "header GOARCH").seen());
    }

    @Test
    void aBigEndianBinaryFailsAsItsLittleEndianSibling() {
        List<Finding> findings = evaluate(GoBinaries.build("linux", "mips64"), "linux/mips64le");
        Finding f = one(findings, "header GOARCH");
        assertVerdict(Verdict.FAIL, f, findings);
        assertEquals("mips64le (64-bit little-endian)", f.expected());
        assertTrue(f.seen().startsWith("mips64 (64-bit big-endian"), f.seen());
    }

    @Test
    void goamd64BelowTheTargetVariantFails() {
        List<Finding> findings = evaluate(pureGoLinuxAmd64(), "linux/amd64/v3");
        Finding f = one(findings, "GOAMD64");
        assertVerdict(Verdict.FAIL, f, findings);
        assertEquals("GOAMD64=v1", f.seen());
        assertTrue(f.message().contains("below the target's v3"), f.message());
        assertTrue(f.hint().contains("GOAMD64=v3"), f.hint());
    }

    @Test
    void goamd64AboveTheTargetVariantFailsWithSigill() {
        Path v3 = GoBinaries.build("tiny", "linux", "amd64", Map.of("GOAMD64", "v3"));
        List<Finding> same = evaluate(v3, "linux/amd64/v3");
        assertVerdict(Verdict.PASS, one(same, "GOAMD64"), same);
        List<Finding> findings = evaluate(v3, "linux/amd64/v2");
        Finding f = one(findings, "GOAMD64");
        assertVerdict(Verdict.FAIL, f, findings);
        assertTrue(f.message().contains("above the target's v2") && f.message().contains("SIGILL"), f.message());
    }

    /** Go's linker marks no float ABI in a pure-Go ARM binary: e_flags 0x5000002 for GOARM=5 and 7 alike. */
    @Test
    void pureGoGoarm5And7CarryNoFloatAbi() throws Exception {
        for (String goarm : List.of("5", "7")) {
            ElfFile elf = (ElfFile) inspect(arm(goarm)).images().get(0).executable();
            assertEquals(0x5000002L, elf.header().flags(), "GOARM=" + goarm);
            List<Finding> findings = evaluate(arm(goarm), "linux/arm/" + goarm);
            Finding f = one(findings, "float ABI");
            assertVerdict(Verdict.PASS, f, findings);
            assertEquals("no float-ABI flag, EABI5 (e_flags 0x5000002)", f.seen());
            assertVerdict(Verdict.PASS, one(findings, "GOARM"), findings);
        }
    }

    @Test
    void goarm5FailsAsLinuxArm7() {
        List<Finding> findings = evaluate(arm("5"), "linux/arm/7");
        Finding f = one(findings, "GOARM");
        assertVerdict(Verdict.FAIL, f, findings);
        assertEquals("GOARM=5", f.seen());
        assertEquals("7", f.expected());
        assertTrue(f.message().contains("below the target's 7"), f.message());
    }

    @Test
    void goarm7WithSoftfloatDiffersFromGoarm7() {
        Path soft = GoBinaries.build("tiny", "linux", "arm", Map.of("GOARM", "7,softfloat"));
        List<Finding> findings = evaluate(soft, "linux/arm/7");
        Finding f = one(findings, "GOARM");
        assertVerdict(Verdict.FAIL, f, findings);
        assertTrue(f.message().contains("GOARM=7,softfloat but the target asks for GOARM=7"), f.message());
        List<Finding> same = evaluate(GoBinaries.build("tiny", "linux", "arm", Map.of("GOARM", "7,hardfloat")), "linux/arm/7");
        assertVerdict(Verdict.PASS, one(same, "GOARM"), same);
    }

    /** A gnueabihf gcc links hard-float even for GOARM=5, whose CPUs have no VFP unit. */
    @Test
    void cgoGoarm5LinkedHardFloatFails() {
        List<Finding> findings = evaluate(cgoArmHardFloat("5"), "linux/arm/5");
        Finding f = one(findings, "float ABI");
        assertVerdict(Verdict.FAIL, f, findings);
        assertTrue(f.seen().startsWith("hard-float, EABI5"), f.seen());
        assertTrue(f.message().contains("GOARM=5"), f.message());
        assertTrue(f.hint().contains("arm-linux-gnueabi-gcc"), f.hint());
        assertVerdict(Verdict.PASS, one(findings, "GOARM"), findings);
    }

    @Test
    void cgoGoarm7LinkedHardFloatPasses() {
        List<Finding> findings = evaluate(cgoArmHardFloat("7"), "linux/arm/7");
        assertVerdict(Verdict.PASS, one(findings, "float ABI"), findings);
        assertEquals(List.of(), withVerdict(findings, Verdict.FAIL), () -> table(findings));
    }

    @Test
    void universalPassesForTheSliceItHolds() {
        List<Finding> findings = evaluate(universal(), "darwin/arm64");
        assertEquals(List.of(), withVerdict(findings, Verdict.FAIL), () -> table(findings));
        Finding slices = one(findings, "slices");
        assertVerdict(Verdict.PASS, slices, findings);
        assertEquals("amd64+arm64", slices.seen());
        assertEquals("an arm64 slice", slices.expected());
        assertVerdict(Verdict.PASS, one(findings, "arm64 slice: header GOARCH"), findings);
        assertVerdict(Verdict.INFO, one(findings, "amd64 slice: platform"), findings);
        assertVerdict(Verdict.PASS, one(findings, "amd64 slice: header vs build info"), findings);
    }

    @Test
    void universalFailsForASliceItLacks() {
        List<Finding> findings = evaluate(universal(), "darwin/386");
        Finding f = one(findings, "slices");
        assertVerdict(Verdict.FAIL, f, findings);
        assertTrue(f.message().contains("holds amd64, arm64 slices but none for 386"), f.message());
        assertTrue(f.hint().contains("lipo -create"), f.hint());
    }

    /** The amd64 slice's cputype patched to i386: header and build info disagree, though it is not the target's slice. */
    @Test
    void aSliceWhoseHeaderDisagreesWithItsBuildInfoFails() throws Exception {
        byte[] amd64 = Files.readAllBytes(GoBinaries.build("darwin", "amd64"));
        ByteBuffer.wrap(amd64).order(ByteOrder.LITTLE_ENDIAN).putInt(4, CPU_TYPE_X86);
        Path patched = Files.write(tmp.resolve("patched-amd64"), amd64);
        Path file = Lipo.create(tmp.resolve("mismatched"), List.of(patched, GoBinaries.build("darwin", "arm64")));

        List<Finding> findings = evaluate(file, "darwin/arm64");
        assertVerdict(Verdict.PASS, one(findings, "arm64 slice: header vs build info"), findings);
        Finding f = one(findings, "386 slice: header vs build info");
        assertVerdict(Verdict.FAIL, f, findings);
        assertTrue(f.message().contains("the header says darwin/386 but the build info says darwin/amd64"), f.message());
    }
}
