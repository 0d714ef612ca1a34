package io.gohygiene.binary.elf;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.testing.GoBinaries;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real ELF files the tests read: the Go toolchain's own executables, the tiny Go program cross-compiled for
 * every ELF architecture Go targets, cgo builds (native gcc and cross gcc), a PIE build, and system C binaries.
 */
final class ElfCorpus {

    /** A file and how a test names it. */
    record Sample(String label, Path path) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** The cgo build for arm64 asks for BIND_NOW and a DT_RUNPATH with two entries. */
    static final String ARM64_RUNPATH = "/opt/gohygiene/lib:$ORIGIN/../lib";
    /** The second amd64 cgo build asks for BIND_NOW and a DT_RPATH (old-style tags). */
    static final String AMD64_RPATH = "/opt/gohygiene/rpath";

    private ElfCorpus() {
    }

    static ElfFile read(Path file) throws BinaryFormatException {
        try (BinaryReader reader = BinaryReader.open(file)) {
            return ElfFile.read(reader);
        }
    }

    static Path goroot() {
        try {
            Process p = new ProcessBuilder("go", "env", "GOROOT").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String root = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0 || root.isEmpty()) {
                throw new IllegalStateException("go env GOROOT failed");
            }
            return Path.of(root);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot run go env GOROOT", e);
        }
    }

    /** Every ELF file directly in GOROOT/bin and GOROOT/pkg/tool/<os_arch>/. */
    static List<Sample> gorootExecutables() throws IOException {
        Path root = goroot();
        List<Path> dirs = new ArrayList<>(List.of(root.resolve("bin")));
        try (Stream<Path> tools = Files.list(root.resolve("pkg/tool"))) {
            tools.filter(Files::isDirectory).forEach(dirs::add);
        }
        List<Sample> samples = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    if (isElf(f)) {
                        samples.add(new Sample("GOROOT/" + root.relativize(f), f));
                    }
                }
            }
        }
        return samples;
    }

    static List<Sample> crossCompiled() {
        List<Sample> samples = new ArrayList<>();
        for (String goarch : List.of("amd64", "arm64", "386", "riscv64", "ppc64le", "s390x", "mips", "mips64le", "loong64")) {
            samples.add(new Sample("tiny linux/" + goarch, GoBinaries.build("linux", goarch)));
        }
        samples.add(new Sample("tiny linux/arm GOARM=6", tinyArm("6")));
        samples.add(new Sample("tiny linux/arm GOARM=7", tinyArm("7")));
        for (String platform : List.of("freebsd/amd64", "netbsd/amd64", "openbsd/amd64", "android/arm64", "solaris/amd64",
                "linux/ppc64", "linux/mipsle", "linux/mips64")) {
            String[] p = platform.split("/");
            samples.add(new Sample("tiny " + platform, GoBinaries.build(p[0], p[1])));
        }
        return samples;
    }

    static Path tinyArm(String goarm) {
        return GoBinaries.build("tiny", "linux", "arm", Map.of("GOARM", goarm));
    }

    static Path pie() {
        return GoBinaries.build("tiny", "linux", "amd64", Map.of(), "-buildmode=pie");
    }

    /** src/test/go/cgo built with the host gcc. */
    static Path cgoAmd64() {
        return GoBinaries.build("cgo", "linux", "amd64", Map.of("CGO_ENABLED", "1", "CC", "gcc"));
    }

    static Path cgoAmd64WithRpath() {
        return GoBinaries.build("cgo", "linux", "amd64", Map.of("CGO_ENABLED", "1", "CC", "gcc"),
                "-ldflags=-extldflags=-Wl,-z,now,--disable-new-dtags,-rpath," + AMD64_RPATH);
    }

    /** Cross cgo build: needs gcc-aarch64-linux-gnu (.ci/run installs it). */
    static Path cgoArm64() {
        return GoBinaries.build("cgo", "linux", "arm64", Map.of("CGO_ENABLED", "1", "CC", "aarch64-linux-gnu-gcc"),
                "-ldflags=-extldflags=-Wl,-z,now,-z,relro,--enable-new-dtags,-rpath," + ARM64_RUNPATH);
    }

    /** Cross cgo build for hard-float ARMv7: needs gcc-arm-linux-gnueabihf (.ci/run installs it). */
    static Path cgoArmHardFloat() {
        return GoBinaries.build("cgo", "linux", "arm", Map.of("CGO_ENABLED", "1", "CC", "arm-linux-gnueabihf-gcc", "GOARM", "7"));
    }

    static List<Sample> builds() {
        List<Sample> samples = new ArrayList<>(crossCompiled());
        samples.add(new Sample("tiny linux/amd64 -buildmode=pie", pie()));
        samples.add(new Sample("cgo linux/amd64", cgoAmd64()));
        samples.add(new Sample("cgo linux/amd64 -z now DT_RPATH", cgoAmd64WithRpath()));
        samples.add(new Sample("cgo linux/amd64 -linkmode=internal (Go's linker writes the version tables)",
                GoBinaries.build("cgo", "linux", "amd64", Map.of("CGO_ENABLED", "1", "CC", "gcc"), "-ldflags=-linkmode=internal")));
        samples.add(new Sample("cgo linux/arm64 (aarch64-linux-gnu-gcc)", cgoArm64()));
        samples.add(new Sample("cgo linux/arm GOARM=7 (arm-linux-gnueabihf-gcc)", cgoArmHardFloat()));
        return samples;
    }

    /** C binaries of the host: version needs, RELRO, BIND_NOW, RUNPATH, a SONAME. Those this host lacks are left out. */
    static List<Sample> system() {
        List<Sample> samples = new ArrayList<>();
        for (String candidate : List.of("/bin/ls", "/usr/bin/gcc", "/usr/bin/bash", "/usr/bin/apropos",
                "/lib/x86_64-linux-gnu/libc.so.6", "/lib/aarch64-linux-gnu/libc.so.6")) {
            Path path = Path.of(candidate);
            if (Files.isRegularFile(path) && isElf(path)) {
                samples.add(new Sample(candidate, path));
            }
        }
        return samples;
    }

    static boolean isElf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), new byte[] {0x7f, 'E', 'L', 'F'});
        } catch (IOException e) {
            return false;
        }
    }
}
