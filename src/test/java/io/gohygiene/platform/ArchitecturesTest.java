package io.gohygiene.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArchitecturesTest {

    @ParameterizedTest(name = "e_machine {0}, 64-bit {1}, little-endian {2} is {3}")
    @CsvSource({
            "3,   false, true,  386",
            "62,  true,  true,  amd64",
            "40,  false, true,  arm",
            "183, true,  true,  arm64",
            "243, true,  true,  riscv64",
            "21,  true,  true,  ppc64le",
            "21,  true,  false, ppc64",
            "22,  true,  false, s390x",
            "258, true,  true,  loong64",
            "8,   true,  true,  mips64le",
            "8,   true,  false, mips64",
            "8,   false, true,  mipsle",
            "8,   false, false, mips",
    })
    void mapsElfMachinesToGoarch(int machine, boolean is64, boolean littleEndian, String goarch) {
        assertEquals(Optional.of(goarch), Architectures.fromElfMachine(machine, is64, littleEndian));
    }

    @ParameterizedTest(name = "e_machine {0}, 64-bit {1} has no GOARCH")
    @CsvSource({
            "0,     true",   // EM_NONE
            "2,     false",  // EM_SPARC
            "20,    false",  // EM_PPC: 32-bit PowerPC, no Go port
            "243,   false",  // 32-bit RISC-V, no Go port
            "22,    false",  // 31-bit S/390
            "258,   false",  // LoongArch32
            "50,    true",   // EM_IA_64
            "65535, true",
    })
    void leavesElfMachinesWithoutAGoPortEmpty(int machine, boolean is64) {
        assertEquals(Optional.empty(), Architectures.fromElfMachine(machine, is64, true));
    }

    @ParameterizedTest(name = "cputype {0} is {1}")
    @CsvSource({
            "0x00000007, 386",
            "0x01000007, amd64",
            "0x0000000c, arm",
            "0x0100000c, arm64",
            "0x00000012, ppc",
            "0x01000012, ppc64",
    })
    void mapsMachoCpuTypesToGoarch(String cputype, String goarch) {
        assertEquals(Optional.of(goarch), Architectures.fromMachoCpuType(Integer.decode(cputype)));
    }

    @ParameterizedTest(name = "cputype {0} has no GOARCH")
    @ValueSource(ints = {0, -1, 0x0200000c /* arm64_32 */, 0x0100000e /* sparc + ABI64 */, 8 /* mips */})
    void leavesUnknownMachoCpuTypesEmpty(int cputype) {
        assertEquals(Optional.empty(), Architectures.fromMachoCpuType(cputype));
    }

    @ParameterizedTest(name = "Machine {0} is {1}")
    @CsvSource({
            "0x014c, 386",
            "0x8664, amd64",
            "0x01c4, arm",
            "0xaa64, arm64",
            "0x5064, riscv64",
            "0x6264, loong64",
    })
    void mapsPeMachinesToGoarch(String machine, String goarch) {
        assertEquals(Optional.of(goarch), Architectures.fromPeMachine(Integer.decode(machine)));
    }

    @ParameterizedTest(name = "Machine {0} has no GOARCH")
    @ValueSource(ints = {0x0000 /* UNKNOWN */, 0x0200 /* IA64 */, 0xa641 /* ARM64EC */, 0x01c0 /* ARM (not Thumb-2) */, 0xffff})
    void leavesUnknownPeMachinesEmpty(int machine) {
        assertEquals(Optional.empty(), Architectures.fromPeMachine(machine));
    }

    @ParameterizedTest(name = "uname -m \"{0}\" is {1}")
    @CsvSource({
            "x86_64,      amd64",
            "amd64,       amd64",
            "AMD64,       amd64", // PROCESSOR_ARCHITECTURE on Windows
            "aarch64,     arm64",
            "arm64,       arm64",
            "armv7l,      arm",
            "armv6l,      arm",
            "armv5tel,    arm",
            "armv8l,      arm",   // a 32-bit kernel or linux32 personality on an ARMv8 CPU
            "i686,        386",
            "i386,        386",
            "x86,         386",
            "riscv64,     riscv64",
            "ppc64le,     ppc64le",
            "ppc64,       ppc64",
            "s390x,       s390x",
            "loongarch64, loong64",
            "' x86_64 ',  amd64",
    })
    void mapsUnameMachinesToGoarch(String machine, String goarch) {
        assertEquals(Optional.of(goarch), Architectures.fromUnameMachine(machine));
    }

    @ParameterizedTest(name = "uname -m \"{0}\" has no GOARCH")
    @ValueSource(strings = {"sparc64", "ia64", "alpha", "m68k", "riscv32", "x86_64_v3", "", "unknown"})
    void leavesUnknownUnameMachinesEmpty(String machine) {
        assertEquals(Optional.empty(), Architectures.fromUnameMachine(machine));
    }

    @ParameterizedTest(name = "{0} is {2}/{1}")
    @CsvSource({
            "aarch64-linux-gnu,              arm64,    linux",
            "x86_64-w64-mingw32,             amd64,    windows",
            "arm64-apple-darwin23.1.0,       arm64,    darwin",
            "x86_64-apple-darwin,            amd64,    darwin",
            "arm64-apple-ios17.0,            arm64,    ios",
            "arm-linux-gnueabihf,            arm,      linux",
            "armv7a-linux-androideabi,       arm,      android",
            "aarch64-linux-android,          arm64,    android",
            "thumbv7neon-linux-gnueabihf,    arm,      linux",
            "powerpc64le-linux-gnu,          ppc64le,  linux",
            "powerpc64-linux-gnu,            ppc64,    linux",
            "x86_64-pc-linux-gnu,            amd64,    linux",
            "x86_64-linux-musl,              amd64,    linux",
            "riscv64-linux-gnu,              riscv64,  linux",
            "i686-linux-gnu,                 386,      linux",
            "i686-w64-mingw32,               386,      windows",
            "mipsel-linux-gnu,               mipsle,   linux",
            "mips64el-linux-gnuabi64,        mips64le, linux",
            "s390x-linux-gnu,                s390x,    linux",
            "loongarch64-linux-gnu,          loong64,  linux",
            "x86_64-unknown-freebsd14.0,     amd64,    freebsd",
            "aarch64-macos,                  arm64,    darwin",
            "x86_64-windows-gnu,             amd64,    windows",
            "powerpc64-ibm-aix7.2.0.0,       ppc64,    aix",
    })
    void mapsTargetTriplesToGoosAndGoarch(String triple, String goarch, String goos) {
        String arch = triple.substring(0, triple.indexOf('-'));

        assertEquals(Optional.of(goarch), Architectures.fromTripleArch(arch));
        assertEquals(Optional.of(goos), Architectures.osFromTriple(triple));
    }

    @ParameterizedTest(name = "triple arch \"{0}\" has no GOARCH")
    @ValueSource(strings = {"sparc64", "xtensa", "avr", "nvptx64", "hexagon", "msp430"})
    void leavesUnknownTripleArchesEmpty(String arch) {
        assertEquals(Optional.empty(), Architectures.fromTripleArch(arch));
    }

    @ParameterizedTest(name = "triple \"{0}\" names no GOOS")
    @ValueSource(strings = {"x86_64-unknown-none", "riscv64-unknown-elf", "arm-none-eabi", "wasm32-unknown-unknown", "avr"})
    void leavesTriplesWithoutAnOsEmpty(String triple) {
        assertEquals(Optional.empty(), Architectures.osFromTriple(triple));
    }

    @Test
    void mapsWasm32ToWasm() {
        assertEquals(Optional.of("wasm"), Architectures.fromTripleArch("wasm32"));
    }

    @ParameterizedTest(name = "GOARCH {0} is {1} in a target triple, and back")
    @CsvSource({"amd64,x86_64", "arm64,aarch64", "386,x86", "arm,arm", "riscv64,riscv64", "ppc64le,powerpc64le",
            "ppc64,powerpc64", "s390x,s390x", "loong64,loongarch64", "mips,mips", "mipsle,mipsel", "mips64,mips64",
            "mips64le,mips64el"})
    void namesEachGoarchAsZigAndClangDoInATriple(String goarch, String tripleArch) {
        assertEquals(Optional.of(tripleArch), Architectures.tripleArch(goarch));
        assertEquals(Optional.of(goarch), Architectures.fromTripleArch(tripleArch));
    }

    @Test
    void aGoarchWithoutATripleArchIsEmpty() {
        assertEquals(Optional.empty(), Architectures.tripleArch("wasm"));
    }
}
