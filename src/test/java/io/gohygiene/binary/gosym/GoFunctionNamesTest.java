package io.gohygiene.binary.gosym;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.macho.MachoFile;
import io.gohygiene.binary.macho.MachoFiles;
import io.gohygiene.binary.pe.PeFile;
import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.testing.BinaryFiles;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.GoOnPath;
import io.gohygiene.testing.GosymOracle;
import io.gohygiene.testing.Lipo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Differential: the function names we read from real Go binaries against Go's own debug/gosym (src/test/go/gosymoracle),
 * name for name and in table order.
 */
class GoFunctionNamesTest {

    private static final Path TOOLCHAINS = Path.of(System.getProperty("user.home"), "go", "pkg", "mod", "golang.org");
    private static final List<String> PLATFORMS = List.of("linux/amd64", "linux/arm64", "darwin/arm64", "windows/amd64");

    @TempDir
    Path dir;

    /** bin/go, bin/gofmt and every pkg/tool executable of the Go on this machine: the same names as debug/gosym. */
    @Test
    void gorootExecutablesAgreeWithDebugGosym() throws Exception {
        List<Path> files = new ArrayList<>(List.of(goroot().resolve("bin/go"), goroot().resolve("bin/gofmt")));
        try (Stream<Path> tools = Files.list(goroot().resolve("pkg/tool"))) {
            for (Path platform : tools.toList()) {
                try (Stream<Path> each = Files.list(platform)) {
                    files.addAll(each.filter(Files::isRegularFile).sorted().toList());
                }
            }
        }
        agreeWithOracle(files);
    }

    /**
     * The tiny program cross-compiled for ELF, Mach-O and PE, 64-bit x86 and ARM, and for the other table shapes:
     * 4-byte pointers (386, arm: quantum 4 there), big-endian tables (s390x, ppc64): the same names as debug/gosym.
     */
    @Test
    void crossCompiledBinariesAgreeWithDebugGosym() throws Exception {
        List<Path> files = new ArrayList<>();
        List<String> platforms = new ArrayList<>(PLATFORMS);
        platforms.addAll(List.of("linux/386", "windows/386", "linux/arm", "linux/s390x", "linux/ppc64"));
        for (String platform : platforms) {
            String[] p = platform.split("/");
            files.add(GoBinaries.build(p[0], p[1]));
        }
        agreeWithOracle(files);
    }

    /**
     * {@code -ldflags=-s -w}: the names are still found, the same as in the unstripped build. ELF and Mach-O keep the
     * pclntab section, which debug/gosym reads too; a stripped PE has no runtime.pclntab symbol left, so Go's
     * objfile finds nothing and we find the table by its header.
     */
    @Test
    void strippedBinariesKeepTheirNames() throws Exception {
        for (String platform : PLATFORMS) {
            String[] p = platform.split("/");
            Path stripped = GoBinaries.build(p[0], p[1], "-s -w");
            List<String> names = GoFunctionNames.read(stripped);
            assertEquals(GoFunctionNames.read(GoBinaries.build(p[0], p[1])), names, platform);
            assertTrue(names.contains("main.main") && names.contains("runtime.main"), platform + ": " + names.size());
            GosymOracle.Answer go = GosymOracle.read(List.of(stripped), dir).values().iterator().next();
            if (go.error().isEmpty()) {
                assertEquals(go.names(), names, platform);
            } else {
                assertEquals("windows", p[0], platform + ": " + go.error().get());
            }
        }
    }

    /**
     * A function the compiler inlined into its only caller has no entry in the function table, but its name is in
     * the function-name table: {@link GoFunctionNames#readIncludingInlined} has it, {@link GoFunctionNames#read} (as
     * debug/gosym) does not; built with inlining off ({@code -gcflags=-l}) it is a function of its own. The oracle
     * is the compiler's own switch, on ELF, Mach-O and PE, stripped too.
     */
    @Test
    void inlinedFunctionsAreFoundInTheNameTable() throws Exception {
        Path module = dir.resolve("inl");
        Files.createDirectories(module);
        Files.writeString(module.resolve("go.mod"), "module example.com/inl\n\ngo 1.21\n");
        Files.writeString(module.resolve("main.go"), """
                package main

                import "os"

                // Its body calls the runtime (string concatenation): an instruction of main.main belongs to it, so the
                // inline tree keeps it. (A body folded into the caller's arithmetic leaves no trace at all.)
                func greet(s string) string { return "hello " + s + "\\n" }

                func main() { os.Stdout.WriteString(greet(os.Args[0])) }
                """);
        for (String platform : List.of("linux/amd64", "darwin/arm64", "windows/amd64")) {
            String[] p = platform.split("/");
            Path inlined = goBuild(module, p[0], p[1], "inlined", "-ldflags=-s -w");
            Path called = goBuild(module, p[0], p[1], "called", "-gcflags=-l");
            try (io.gohygiene.binary.BinaryReader reader = io.gohygiene.binary.BinaryReader.open(inlined)) {
                var image = io.gohygiene.binary.BinaryInspector.inspect(inlined).images().get(0).executable();
                List<String> withInlined = GoFunctionNames.readIncludingInlined(image, reader);
                List<String> table = GoFunctionNames.read(inlined);
                assertTrue(!table.contains("main.greet") && withInlined.contains("main.greet"), platform + ": inlined, in the name table only");
                assertTrue(withInlined.containsAll(table), platform);
            }
            assertTrue(GoFunctionNames.read(called).contains("main.greet"), platform + ": with -gcflags=-l it is a function of its own");
        }
    }

    private Path goBuild(Path module, String goos, String goarch, String name, String flag) throws Exception {
        Path out = dir.resolve(name + "-" + goos + "-" + goarch);
        ProcessBuilder go = new ProcessBuilder("go", "build", "-trimpath", flag, "-o", out.toString(), ".").directory(module.toFile())
                .redirectErrorStream(true);
        go.environment().putAll(Map.of("GOOS", goos, "GOARCH", goarch, "CGO_ENABLED", "0", "GOTOOLCHAIN", "local", "GOFLAGS", "-buildvcs=false"));
        Process process = go.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        return out;
    }

    /**
     * The go command of older releases (from the toolchain modules provisioning tests download): the Go 1.16 layout
     * (1.16, 1.17) and the Go 1.20 one, with cgo functions in the table.
     */
    @Test
    void olderToolchainsLayoutsAgreeWithDebugGosym() throws Exception {
        Map<String, Integer> layouts = Map.of("go1.16.15", 116, "go1.17.13", 116, "go1.20.14", 120, "go1.22.12", 120);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, Integer> release : layouts.entrySet()) {
            Path go = TOOLCHAINS.resolve("toolchain@v0.0.1-" + release.getKey() + ".linux-amd64/bin/go");
            if (!Files.isRegularFile(go)) {
                System.out.println("GoFunctionNamesTest: no " + go + " (run the provisioning tests first); skipped");
                continue;
            }
            files.add(go);
            try (BinaryReader reader = BinaryReader.open(go)) {
                PclnHeader header = GoFunctionNames.header(ElfFile.read(reader), reader);
                assertEquals(release.getValue(), header.version(), go.toString());
                assertEquals(1, header.quantum());
                assertEquals(8, header.ptrSize());
            }
        }
        assumeTrue(!files.isEmpty(), "no old Go toolchain under " + TOOLCHAINS);
        agreeWithOracle(files);
    }

    /** An ELF file whose section headers are gone (as sstrip leaves it): the table is found in a read-only segment. */
    @Test
    void elfWithoutSectionHeaders() throws Exception {
        for (String ldflags : List.of("", "-s -w")) {
            Path elf = ldflags.isEmpty() ? GoBinaries.build("linux", "arm64") : GoBinaries.build("linux", "arm64", ldflags);
            Path headless = BinaryFiles.patched(elf, dir.resolve("headless" + ldflags.length()), ByteOrder.LITTLE_ENDIAN,
                    b -> b.putLong(40, 0).putShort(60, (short) 0).putShort(62, (short) 0)); // e_shoff, e_shnum, e_shstrndx
            assertEquals(GoFunctionNames.read(elf), GoFunctionNames.read(headless), ldflags);
        }
    }

    /** The header's quantum and pointer size are the target's (Go's cmd/internal/sys: PCQuantum, PtrSize). */
    @Test
    void headersSayTheTableShape() throws Exception {
        Map<String, List<Integer>> shapes = Map.of("linux/amd64", List.of(1, 8), "linux/386", List.of(1, 4),
                "linux/arm", List.of(4, 4), "linux/arm64", List.of(4, 8), "linux/s390x", List.of(2, 8), "linux/ppc64", List.of(4, 8));
        for (Map.Entry<String, List<Integer>> shape : shapes.entrySet()) {
            String[] p = shape.getKey().split("/");
            try (BinaryReader reader = BinaryReader.open(GoBinaries.build(p[0], p[1]))) {
                PclnHeader header = GoFunctionNames.header(ElfFile.read(reader), reader);
                assertEquals(120, header.version(), shape.getKey());
                assertEquals(shape.getValue(), List.of(header.quantum(), header.ptrSize()), shape.getKey());
                assertTrue(header.functionCount() > 100, shape.getKey() + ": " + header.functionCount());
            }
        }
    }

    /** Each slice of a universal Mach-O file, read through its image, has the names of the thin file it came from. */
    @Test
    void eachSliceOfAUniversalFile() throws Exception {
        List<Path> thin = List.of(GoBinaries.build("darwin", "amd64"), GoBinaries.build("darwin", "arm64"));
        Path universal = Lipo.create(dir.resolve("universal"), thin);
        try (BinaryReader reader = BinaryReader.open(universal)) {
            List<MachoFile> slices = MachoFiles.readAll(reader);
            assertEquals(2, slices.size());
            for (int i = 0; i < 2; i++) {
                assertEquals(GoFunctionNames.read(thin.get(i)), GoFunctionNames.read(slices.get(i), reader), "slice " + i);
            }
        }
        assertEquals(GoFunctionNames.read(thin.get(0)), GoFunctionNames.read(universal));
    }

    /** An unstripped PE names its pclntab by symbols, as Go's objfile reads it; -s removes them and the search finds it. */
    @Test
    void peSymbolsLocateThePclntabUnlessStripped() throws Exception {
        for (String ldflags : List.of("", "-s -w")) {
            Path exe = ldflags.isEmpty() ? GoBinaries.build("windows", "amd64") : GoBinaries.build("windows", "amd64", ldflags);
            try (BinaryReader reader = BinaryReader.open(exe)) {
                PeFile pe = PeFile.read(reader);
                java.util.Optional<PclntabLocator.Range> bySymbols = PeSymbols.pclntab(pe, reader);
                assertEquals(ldflags.isEmpty(), bySymbols.isPresent(), exe.toString());
                if (bySymbols.isPresent()) {
                    assertEquals(GoFunctionNames.read(exe),
                            Pclntab.open(reader, bySymbols.get().fileOffset(), bySymbols.get().size()).functionNames());
                }
            }
        }
    }

    @Test
    void aNonGoBinaryHasNoPclntab() throws Exception {
        Path ls = Path.of("/bin/ls");
        assumeTrue(Files.isRegularFile(ls));
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> GoFunctionNames.read(ls));
        assertTrue(e.getMessage().contains("no Go pclntab"), e.getMessage());
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a binary\n");
        e = assertThrows(BinaryFormatException.class, () -> GoFunctionNames.read(text));
        assertTrue(e.getMessage().contains("no Go pclntab"), e.getMessage());
    }

    /** Reading bin/go's names against {@code go tool nm} on the same file (printed; the reader must not be slower). */
    @Test
    void readingBinGoIsFasterThanGoToolNm() throws Exception {
        Path go = goroot().resolve("bin/go");
        GoFunctionNames.read(go); // warm the JIT and the page cache
        long start = System.nanoTime();
        int names = GoFunctionNames.read(go).size();
        long ours = System.nanoTime() - start;
        start = System.nanoTime();
        ProcessResult nm = new ProcessRunner().run(CommandLine.inheriting(List.of("go", "tool", "nm", go.toString()),
                Map.of("GOTOOLCHAIN", "local"), dir, Duration.ofMinutes(2)));
        long theirs = System.nanoTime() - start;
        assertTrue(nm.succeeded(), nm.diagnostics());
        System.out.printf("GoFunctionNamesTest: %s: %d names in %d ms; go tool nm: %d ms%n", go, names, ours / 1_000_000, theirs / 1_000_000);
        assertTrue(ours < theirs, "ours " + ours / 1_000_000 + " ms, go tool nm " + theirs / 1_000_000 + " ms");
    }

    private void agreeWithOracle(List<Path> files) throws Exception {
        Map<Path, GosymOracle.Answer> go = GosymOracle.read(files, dir);
        for (Path file : files) {
            GosymOracle.Answer answer = go.get(file);
            assertTrue(answer.error().isEmpty(), file + ": " + answer.error());
            List<String> ours = GoFunctionNames.read(file);
            assertTrue(ours.size() > 100, file + ": " + ours.size());
            assertEquals(answer.names().size(), ours.size(), file.toString());
            for (int i = 0; i < ours.size(); i++) {
                assertEquals(answer.names().get(i), ours.get(i), file + ": function " + i);
            }
        }
    }

    /** The GOROOT of the go on PATH (its bin/go, resolved through links). */
    private static Path goroot() throws java.io.IOException {
        return GoOnPath.executable().toRealPath().getParent().getParent();
    }
}
