package io.gohygiene.modvendor;

import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real go against src/test/go/vendoring: an app whose cgo dependency keeps its C in include/ and csrc/, which
 * go mod vendor prunes. A warm build cache holds compiled cgo objects and can hide a broken vendor/
 * (golang/go#24355); here every build is of a directory no build has seen (a new temporary directory, no
 * -trimpath), and Go's action ID of a package built without -trimpath includes its directory, so nothing of the
 * vendored package can come from the cache, while the standard library still does. The invoker ITs prove their
 * vendor trees with an empty GOCACHE.
 */
class VendorSyncTest {

    private static final Path SOURCES = Path.of("src/test/go/vendoring").toAbsolutePath();

    @TempDir
    Path temp;

    private Path app;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void copyFixture() throws IOException {
        copy(SOURCES, temp.resolve("src"));
        app = temp.resolve("src/app");
    }

    @Test
    void plainGoModVendorBreaksTheCgoBuildAndTheGoalFixesIt() throws Exception {
        assertTrue(go(app, "mod", "vendor").succeeded());
        ProcessResult broken = buildVendored();
        assertFalse(broken.succeeded(), "plain go mod vendor should lose the headers");
        assertTrue(broken.stderr().contains("add.h: No such file or directory"), broken.stderr());

        VendorResult result = sync(request(false));

        assertEquals(VendorResult.Outcome.VENDORED, result.outcome());
        ProcessResult built = buildVendored();
        assertTrue(built.succeeded(), built.stderr());
        assertEquals("cgodep 1.0 5", run(app.resolve("app-bin")));
        List<String> restored = result.manifest().restored().stream().map(VendorManifest.RestoredFile::path).sorted().toList();
        assertEquals(List.of("vendor/example.com/cgodep/csrc/detail/twice.h", "vendor/example.com/cgodep/csrc/impl.c",
                "vendor/example.com/cgodep/include/add.h", "vendor/example.com/cgodep/include/unused_but_on_the_include_path.h",
                "vendor/example.com/cgodep/include/version.h"), restored);
        assertFalse(Files.exists(app.resolve("vendor/example.com/cgodep/csrc/unused.c")), "nothing includes unused.c");
        assertEquals(List.of("example.com/cgodep"), result.manifest().cgoPackages());
        VendorManifest.RestoredFile impl = result.manifest().restored().stream()
                .filter(f -> f.path().endsWith("impl.c")).findFirst().orElseThrow();
        assertEquals("#include \"csrc/impl.c\" in dep.go", impl.reason());
        assertEquals("example.com/cgodep@v0.0.0 => ../cgodep", impl.module());
        assertEquals(VendorManifest.read(temp.resolve("target/go-hygiene/vendor-manifest.json")).orElseThrow(), result.manifest());
        assertTrue(Files.isWritable(app.resolve("vendor/example.com/cgodep/csrc/impl.c")));
        assertFalse(Files.exists(temp.resolve("target/go-hygiene/" + VendorSwap.STAGING)));
    }

    @Test
    void secondRunWithNothingChangedDoesNothing() throws Exception {
        sync(request(false));
        log.clear();
        VendorResult second = sync(request(false));
        assertEquals(VendorResult.Outcome.UP_TO_DATE, second.outcome());
        assertTrue(log.get(0).startsWith("vendor/ is up to date"), log.toString());
        assertEquals(VendorManifest.read(temp.resolve("target/go-hygiene/vendor-manifest.json")).orElseThrow(), second.manifest(),
                "read from the file when asked");
        assertEquals(second.manifest().fingerprint(), Files.readAllLines(temp.resolve("target/go-hygiene/vendor-manifest.fingerprint")).get(0));

        Files.delete(temp.resolve("target/go-hygiene/vendor-manifest.json"));
        assertEquals(VendorResult.Outcome.VENDORED, sync(request(false)).outcome(), "a fingerprint without its manifest counts for nothing");

        Files.delete(app.resolve("vendor/example.com/cgodep/include/add.h"));
        assertEquals(VendorResult.Outcome.VENDORED, sync(request(false)).outcome(), "a restored file went missing");
        assertTrue(Files.exists(app.resolve("vendor/example.com/cgodep/include/add.h")));

        Files.writeString(app.resolve("go.mod"), Files.readString(app.resolve("go.mod")) + "\n// changed\n");
        assertEquals(VendorResult.Outcome.VENDORED, sync(request(false)).outcome(), "go.mod changed");
    }

    @Test
    void localEditsStopTheRunAndVendorStaysAsItWas() throws Exception {
        sync(request(false));
        Path edited = app.resolve("vendor/example.com/cgodep/dep.go");
        Files.writeString(edited, Files.readString(edited).replace("Add adds in C.", "Add adds in C, patched."));
        Files.writeString(app.resolve("vendor/example.com/cgodep/NOTES.txt"), "mine");
        Files.writeString(app.resolve("go.mod"), Files.readString(app.resolve("go.mod")) + "\n// changed\n");
        Map<String, String> before = snapshot(app.resolve("vendor"));

        VendorException e = assertThrows(VendorException.class, () -> sync(request(false)));

        assertTrue(e.getMessage().contains("modified: vendor/example.com/cgodep/dep.go"), e.getMessage());
        assertTrue(e.getMessage().contains("added:    vendor/example.com/cgodep/NOTES.txt"), e.getMessage());
        assertTrue(e.hint().contains("allowVendorEdits"), e.hint());
        assertEquals(before, snapshot(app.resolve("vendor")));

        VendorResult allowed = sync(request(true));
        assertEquals(List.of("vendor/example.com/cgodep/NOTES.txt", "vendor/example.com/cgodep/dep.go"), allowed.manifest().keptEdits());
        assertTrue(Files.readString(edited).contains("patched"));
        assertEquals("mine", Files.readString(app.resolve("vendor/example.com/cgodep/NOTES.txt")));
        assertTrue(allowed.warnings().stream().anyMatch(w -> w.contains("kept 2 locally edited")), allowed.warnings().toString());
    }

    @Test
    void failingGoModVendorLeavesVendorByteForByte() throws Exception {
        sync(request(false));
        Map<String, String> before = snapshot(app.resolve("vendor"));
        Files.writeString(app.resolve("go.mod"), Files.readString(app.resolve("go.mod"))
                + "\nrequire example.invalid/does-not-exist v1.0.0\n");
        Files.writeString(app.resolve("extra.go"), "package main\n\nimport _ \"example.invalid/does-not-exist\"\n");
        Map<String, String> env = environment();
        env.put("GOPROXY", "off");

        VendorException e = assertThrows(VendorException.class, () -> sync(new VendorRequest(app, temp.resolve("target/go-hygiene"),
                env, false, false, List.of(), Duration.ofMinutes(5))));

        assertTrue(e.getMessage().contains("vendor/ was left exactly as it was"), e.getMessage());
        assertTrue(e.getMessage().contains("example.invalid/does-not-exist"), e.getMessage());
        assertEquals(before, snapshot(app.resolve("vendor")));
    }

    @Test
    void offlineWithAnIncompleteModuleCacheKeepsAVendorTreeThatAgreesWithGoMod() throws Exception {
        Path offline = temp.resolve("offline");
        Files.createDirectories(offline.resolve("vendor/example.invalid/x"));
        Files.writeString(offline.resolve("go.mod"), "module example.com/offline\n\ngo 1.21\n\nrequire example.invalid/x v1.0.0\n");
        Files.writeString(offline.resolve("main.go"), "package main\n\nimport _ \"example.invalid/x\"\n\nfunc main() {}\n");
        Files.writeString(offline.resolve("vendor/modules.txt"), "# example.invalid/x v1.0.0\n## explicit\nexample.invalid/x\n");
        Files.writeString(offline.resolve("vendor/example.invalid/x/x.go"), "package x\n");
        Map<String, String> before = snapshot(offline.resolve("vendor"));

        VendorResult result = sync(new VendorRequest(offline, temp.resolve("offline-target"), environment(), true, false, List.of(),
                Duration.ofMinutes(5)));

        assertEquals(VendorResult.Outcome.KEPT_OFFLINE, result.outcome());
        assertTrue(result.warnings().get(0).startsWith("go mod vendor could not run offline"), result.warnings().toString());
        assertEquals(before, snapshot(offline.resolve("vendor")));

        Files.writeString(offline.resolve("go.mod"), "module example.com/offline\n\ngo 1.21\n\nrequire example.invalid/x v1.1.0\n");
        VendorException e = assertThrows(VendorException.class, () -> sync(new VendorRequest(offline, temp.resolve("offline-target"),
                environment(), true, false, List.of(), Duration.ofMinutes(5))));
        assertTrue(e.hint().contains("Maven is offline (-o)"), e.hint());
    }

    @Test
    void wholeModulesRestoresEveryNonGoFile() throws Exception {
        VendorResult result = sync(new VendorRequest(app, temp.resolve("target/go-hygiene"), environment(), false, false,
                List.of("*"), Duration.ofMinutes(5)));
        assertTrue(Files.exists(app.resolve("vendor/example.com/cgodep/csrc/unused.c")));
        assertTrue(result.manifest().restored().stream().anyMatch(f -> f.path().endsWith("unused.c")
                && f.reason().contains("<wholeModules>")));
    }

    @Test
    void anIncludeOfAFileNoBuildNeedsIsNoWarningOnlyADebugLine() throws Exception {
        // autotools style: config.h exists upstream only after ./configure, and nothing here defines HAVE_CONFIG_H
        Path impl = temp.resolve("src/cgodep/csrc/impl.c");
        Files.writeString(impl, "#ifdef HAVE_CONFIG_H\n#include \"config.h\"\n#endif\n" + Files.readString(impl));

        List<String> debug = new ArrayList<>();
        VendorResult result = vendorSync(app).run(request(false), VendorSync.Log.of(log::add, debug::add));

        assertEquals(List.of(), result.warnings());
        assertTrue(log.stream().noneMatch(l -> l.contains("#include")), log.toString());
        assertTrue(debug.contains("  #include \"config.h\" in example.com/cgodep/csrc/impl.c"), debug.toString());
        assertEquals(List.of(new CgoNeedFinder.Unresolved("example.com/cgodep/csrc/impl.c", "config.h")), result.manifest().unresolved());
        ProcessResult built = buildVendored();
        assertTrue(built.succeeded(), built.stderr());
    }

    @Test
    void aModuleWithoutDependenciesHasNothingToVendor() throws Exception {
        Path alone = temp.resolve("alone");
        Files.createDirectories(alone);
        Files.writeString(alone.resolve("go.mod"), "module example.com/alone\n\ngo 1.21\n");
        Files.writeString(alone.resolve("main.go"), "package main\n\nfunc main() {}\n");
        VendorResult result = sync(new VendorRequest(alone, temp.resolve("alone-target"), environment(), false, false, List.of(),
                Duration.ofMinutes(5)));
        assertEquals(VendorResult.Outcome.NO_DEPENDENCIES, result.outcome());
        assertFalse(Files.exists(alone.resolve("vendor")));
    }

    @Test
    void noGoModIsOneClearError() {
        VendorException e = assertThrows(VendorException.class, () -> sync(new VendorRequest(temp, temp.resolve("t"), environment(),
                false, false, List.of(), Duration.ofMinutes(1))));
        assertTrue(e.getMessage().startsWith("no go.mod in "), e.getMessage());
        assertTrue(e.hint().contains("moduleDirectory"));
    }

    private VendorRequest request(boolean allowEdits) {
        return new VendorRequest(app, temp.resolve("target/go-hygiene"), environment(), false, allowEdits, List.of(), Duration.ofMinutes(5));
    }

    private VendorResult sync(VendorRequest request) throws Exception {
        return vendorSync(app).run(request, log::add);
    }

    /** A VendorSync for the go on PATH, its version and module cache asked in {@code dir}. */
    static VendorSync vendorSync(Path dir) throws Exception {
        ProcessRunner runner = new ProcessRunner();
        String version = runner.run(new CommandLine(List.of(go().toString(), "version"), environment(), dir, Duration.ofMinutes(1)))
                .stdout().strip();
        String modcache = runner.run(new CommandLine(List.of(go().toString(), "env", "GOMODCACHE"), environment(), dir,
                Duration.ofMinutes(1))).stdout().strip();
        return new VendorSync(go(), version, Path.of(modcache), runner);
    }

    private ProcessResult buildVendored() throws Exception {
        Map<String, String> env = environment();
        return new ProcessRunner().run(new CommandLine(List.of(go().toString(), "build", "-mod=vendor", "-o", "app-bin", "."), env, app,
                Duration.ofMinutes(5)));
    }

    private ProcessResult go(Path dir, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(go().toString()));
        argv.addAll(List.of(args));
        return new ProcessRunner().run(new CommandLine(argv, environment(), dir, Duration.ofMinutes(5)));
    }

    private static String run(Path binary) throws Exception {
        return new ProcessRunner().run(new CommandLine(List.of(binary.toString()), environment(), binary.getParent(),
                Duration.ofMinutes(1))).stdout().strip();
    }

    static Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>(System.getenv());
        for (String name : List.of("GOOS", "GOARCH", "GOFLAGS", "CGO_ENABLED", "CC", "GOWORK")) {
            env.remove(name);
        }
        env.put("GOTOOLCHAIN", "local");
        return env;
    }

    static Path go() {
        return io.gohygiene.testing.GoOnPath.executable();
    }

    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String f : VendorFiles.files(root)) {
            out.put(f, io.gohygiene.files.Sha256.hex(root.resolve(f)));
        }
        return out;
    }

    static void copy(Path from, Path to) throws IOException {
        io.gohygiene.testing.TestTrees.copy(from, to);
    }
}
