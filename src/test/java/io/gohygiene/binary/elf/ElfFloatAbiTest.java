package io.gohygiene.binary.elf;

import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ARM EABI version and float ABI, RISC-V float ABI: from e_flags, checked against readelf's decoding of "Flags:". */
class ElfFloatAbiTest {

    /** Go's linker writes EABI 5 and no float ABI for pure-Go ARM binaries, whatever GOARM (cmd/link: "has entry point, Version5 EABI"). */
    @Test
    void pureGoArmIsEabi5WithoutFloatAbi() throws Exception {
        for (String goarm : new String[] {"6", "7"}) {
            Path file = ElfCorpus.tinyArm(goarm);
            ElfFile elf = ElfCorpus.read(file);
            assertEquals(Optional.of(5), elf.armEabiVersion(), "GOARM=" + goarm);
            assertEquals(Optional.empty(), elf.armFloatAbi(), "GOARM=" + goarm);
            assertAgreesWithReadelf(file, elf);
        }
    }

    @Test
    void cgoArmWithHardFloatGccIsHardFloat() throws Exception {
        Path file = ElfCorpus.cgoArmHardFloat();
        ElfFile elf = ElfCorpus.read(file);
        assertEquals(Optional.of(5), elf.armEabiVersion());
        assertEquals(Optional.of("hard"), elf.armFloatAbi());
        assertEquals(Optional.of("/lib/ld-linux-armhf.so.3"), elf.interpreter());
        assertAgreesWithReadelf(file, elf);
    }

    /** No soft-float cross gcc here: the hard-float binary with EF_ARM_ABI_FLOAT_SOFT in place of HARD, read by both. */
    @Test
    void softFloatFlagIsSoft(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("soft");
        byte[] bytes = Files.readAllBytes(ElfCorpus.cgoArmHardFloat());
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(36, (header.getInt(36) & ~0x400) | 0x200);
        Files.write(file, bytes);
        ElfFile elf = ElfCorpus.read(file);
        assertEquals(Optional.of("soft"), elf.armFloatAbi());
        assertAgreesWithReadelf(file, elf);
    }

    @Test
    void riscv64IsDoubleFloat() throws Exception {
        Path file = GoBinaries.build("linux", "riscv64");
        ElfFile elf = ElfCorpus.read(file);
        assertEquals(Optional.of("double"), elf.riscvFloatAbi());
        assertTrue(Readelf.of(file).flagsText().contains("double-float ABI"), Readelf.of(file).flagsText());
        assertEquals(Optional.empty(), elf.armFloatAbi());
        assertEquals(Optional.empty(), elf.armEabiVersion());
    }

    @Test
    void otherMachinesHaveNoFloatAbi() throws Exception {
        ElfFile elf = ElfCorpus.read(GoBinaries.build("linux", "arm64"));
        assertEquals(Optional.empty(), elf.armFloatAbi());
        assertEquals(Optional.empty(), elf.riscvFloatAbi());
    }

    /** readelf -h: "Flags: 0x5000400, Version5 EABI, hard-float ABI". */
    private static void assertAgreesWithReadelf(Path file, ElfFile elf) {
        String flags = Readelf.of(file).flagsText();
        assertEquals(elf.armEabiVersion().map(v -> "Version" + v + " EABI").isPresent(), flags.contains("EABI"), flags);
        elf.armEabiVersion().ifPresent(v -> assertTrue(flags.contains("Version" + v + " EABI"), flags));
        assertEquals(flags.contains("hard-float ABI"), elf.armFloatAbi().equals(Optional.of("hard")), flags);
        assertEquals(flags.contains("soft-float ABI"), elf.armFloatAbi().equals(Optional.of("soft")), flags);
    }
}
