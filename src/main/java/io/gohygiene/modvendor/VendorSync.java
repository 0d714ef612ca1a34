package io.gohygiene.modvendor;

import io.gohygiene.process.Durations;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.version.GoVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code go mod vendor} that keeps what cgo needs and never leaves vendor/ half-written.
 * <ol>
 *   <li>{@code go mod vendor -o} writes a staging tree under target/ (Go 1.18+; older Go vendors in place with the
 *       old tree moved aside and moved back on failure);</li>
 *   <li>the files cgo packages need from directories {@code go mod vendor} prunes are copied into the staging tree
 *       from the module cache ({@link CgoNeedFinder});</li>
 *   <li>the existing vendor/ is compared with the module cache: local edits stop the run, or are carried over;</li>
 *   <li>the staging tree's modules.txt is checked against go.mod;</li>
 *   <li>only then is vendor/ swapped for the staging tree, by two renames; any failure before leaves vendor/ as it was.</li>
 * </ol>
 * A run first puts right what a killed run left ({@link VendorSwap#recover}); a full disk or a directory that cannot be
 * changed is one sentence naming it ({@link WriteFailures}).
 * A fingerprint of go.mod, go.sum, modules.txt and the restored files makes a run with nothing changed a no-op.
 */
public final class VendorSync {

    /** Where progress goes: one line per step; detail for looking into a problem at debug (Maven's -X). */
    public interface Log {
        void info(String line);

        default void debug(String line) {
        }

        static Log of(Consumer<String> info, Consumer<String> debug) {
            return new Log() {
                @Override
                public void info(String line) {
                    info.accept(line);
                }

                @Override
                public void debug(String line) {
                    debug.accept(line);
                }
            };
        }
    }

    private static final GoVersion GO_1_18 = GoVersion.parse("1.18").orElseThrow();

    private final Path go;
    private final String goVersionLine;
    private final GoVersion goVersion;
    private final ModuleCache cache;
    private final ProcessRunner runner;

    /**
     * @param go            the go executable
     * @param goVersionLine {@code go version} output, recorded in the manifest and the fingerprint
     * @param moduleCache   {@code go env GOMODCACHE}
     */
    public VendorSync(Path go, String goVersionLine, Path moduleCache, ProcessRunner runner) {
        this.go = go;
        this.goVersionLine = goVersionLine;
        this.goVersion = GoVersion.find(goVersionLine).orElseThrow(() -> new IllegalArgumentException("no Go version in " + goVersionLine));
        this.cache = new ModuleCache(moduleCache);
        this.runner = runner;
    }

    public VendorResult run(VendorRequest request, Log log) throws VendorException {
        long start = System.nanoTime();
        Path moduleDir = request.moduleDirectory();
        if (!Files.isRegularFile(moduleDir.resolve("go.mod"))) {
            throw new VendorException("no go.mod in " + moduleDir,
                    "point <moduleDirectory> (go-hygiene.moduleDirectory) at the directory that holds go.mod");
        }
        GoModCommands commands = new GoModCommands(go, runner, request, cache);
        VendorSwap trees = new VendorSwap(request);
        List<String> warnings = new ArrayList<>();
        try {
            trees.recover(log);
            Optional<VendorManifest.Fingerprint> previous = VendorFingerprint.unchanged(request, goVersionLine);
            if (previous.isPresent()) {
                log.info("vendor/ is up to date (go.mod, go.sum, vendor/modules.txt and " + previous.get().restored().size()
                        + " restored files unchanged): nothing to do");
                Path manifestFile = request.manifestFile();
                return new VendorResult(VendorResult.Outcome.UP_TO_DATE, warnings, elapsed(start),
                        () -> VendorManifest.read(manifestFile).orElseThrow(() -> new IllegalStateException(manifestFile + " cannot be read")));
            }

            Files.createDirectories(request.workDirectory());
            Path staging = trees.staging();
            VendorFiles.deleteTree(staging);
            ProcessResult vendored = goModVendor(commands, trees);
            if (!vendored.succeeded()) {
                trees.discardStaging();
                return failedVendoring(request, commands, vendored, warnings, start, log);
            }
            if (!Files.isDirectory(staging)) {
                return noDependencies(request, commands, trees, log, warnings, start);
            }
            ModulesTxt modules = ModulesTxt.read(staging.resolve("modules.txt"));
            log.info("go mod vendor: " + modules.modules().stream().filter(m -> m.version() != null).count() + " module(s), "
                    + modules.modules().stream().mapToInt(m -> m.packages().size()).sum() + " package(s) ("
                    + Durations.format(vendored.elapsed()) + ")");

            VendorRestorer.Restoration restoration = new VendorRestorer(request, cache).restore(modules, staging);
            if (!restoration.restored.isEmpty()) {
                log.info("restored " + restoration.restored.size() + " file(s) that go mod vendor leaves out, for the cgo packages of "
                        + String.join(", ", restoration.modulesWithRestores));
            }
            if (!restoration.unresolved.isEmpty()) {
                // Debug only: mostly headers of a configure step or of the system, under an #ifdef no build takes;
                // the manifest keeps them for the build that does miss one.
                log.debug(restoration.unresolved.size() + " #include \"…\" line(s) in cgo packages name no file in their module"
                        + " (listed in " + request.manifestFile().getFileName() + "); if the build misses a header, list the module in"
                        + " <wholeModules>:");
                restoration.unresolved.forEach(u -> log.debug("  #include \"" + u.include() + "\" in " + u.includedFrom()));
            }

            List<String> kept = carryOverEdits(request, commands, staging, log, warnings);

            List<String> drift = commands.drift(staging.resolve("modules.txt"));
            if (!drift.isEmpty()) {
                throw driftException(drift, "vendor/ was not changed; the new tree is in " + staging);
            }

            trees.swap();
            VendorManifest manifest = new VendorManifest(
                    VendorFingerprint.of(request, goVersionLine, restoration.restoredPaths()),
                    goVersionLine, (int) modules.modules().stream().filter(m -> m.version() != null).count(), restoration.cgoPackages, restoration.restored, kept,
                    restoration.unresolved);
            writeManifest(manifest, request, "vendor/ was replaced, but not its manifest, so the next run vendors again");
            log.info("vendor/ replaced (" + Durations.format(elapsed(start)) + "); manifest: " + relative(request, request.manifestFile()));
            return new VendorResult(VendorResult.Outcome.VENDORED, manifest, warnings, elapsed(start));
        } catch (IOException e) {
            trees.discardStaging();
            throw WriteFailures.describe(e, request, trees.state());
        }
    }

    private static void writeManifest(VendorManifest manifest, VendorRequest request, String state) throws VendorException {
        try {
            manifest.write(request.manifestFile());
        } catch (IOException e) {
            throw WriteFailures.describe(e, request, state);
        }
    }

    private ProcessResult goModVendor(GoModCommands commands, VendorSwap trees) throws VendorException, IOException {
        if (goVersion.compareTo(GO_1_18) >= 0) {
            return commands.run(List.of("mod", "vendor", "-o", trees.staging().toString()));
        }
        return trees.vendorInPlace(() -> commands.run(List.of("mod", "vendor")));
    }

    /**
     * go mod vendor failed: vendor/ is untouched and its unfinished tree removed. A full disk is said as such;
     * offline with a consistent vendor/, the build can go on with it.
     */
    private VendorResult failedVendoring(VendorRequest request, GoModCommands commands, ProcessResult vendored, List<String> warnings,
                                         long start, Log log) throws VendorException, IOException {
        Path vendor = request.vendorDirectory();
        Path goWroteIn = goVersion.compareTo(GO_1_18) >= 0 ? request.workDirectory() : request.moduleDirectory();
        Optional<VendorException> full = WriteFailures.goRanOutOfSpace(vendored.diagnostics(), goWroteIn, VendorSwap.UNCHANGED);
        if (full.isPresent()) {
            throw full.get();
        }
        if (request.offline() && Files.isRegularFile(vendor.resolve("modules.txt"))
                && commands.drift(vendor.resolve("modules.txt")).isEmpty()) {
            warnings.add("go mod vendor could not run offline (" + firstLine(vendored.diagnostics()) + "); vendor/ agrees with go.mod"
                    + " and is kept as it is, without checking its cgo files");
            log.info("offline: vendor/ kept as it is");
            VendorManifest kept = VendorManifest.read(request.manifestFile())
                    .orElse(new VendorManifest("", goVersionLine, ModulesTxt.read(vendor.resolve("modules.txt")).modules().size(),
                            List.of(), List.of(), List.of(), List.of()));
            return new VendorResult(VendorResult.Outcome.KEPT_OFFLINE, kept, warnings, elapsed(start));
        }
        throw new VendorException("'" + vendored.command().display() + "' failed (exit " + vendored.exitCode() + "); vendor/ was"
                + " left exactly as it was:\n" + vendored.diagnostics(),
                request.offline()
                        ? "Maven is offline (-o), so the go command runs with GOPROXY=off: the module cache must already hold"
                        + " every module go.mod requires; run once online"
                        : "run 'go mod vendor' in " + request.moduleDirectory() + " to see the same error; check go.mod, GOPROXY"
                        + " and GOPRIVATE/GONOSUMDB for private modules");
    }

    private VendorResult noDependencies(VendorRequest request, GoModCommands commands, VendorSwap trees, Log log, List<String> warnings,
                                        long start)
            throws VendorException, IOException {
        Path vendor = request.vendorDirectory();
        if (Files.isDirectory(vendor)) {
            VendorEdits edits = VendorEdits.find(vendor, request.moduleDirectory(), cache, commands::download);
            if (!edits.isEmpty()) {
                throw editsException(edits, "go.mod requires no modules, so vendor/ would be removed");
            }
            trees.remove();
        }
        log.info("go.mod requires no modules: nothing to vendor" + (Files.isDirectory(vendor) ? "" : ", no vendor/"));
        VendorManifest manifest = new VendorManifest(VendorFingerprint.of(request, goVersionLine, List.of()), goVersionLine, 0, List.of(), List.of(), List.of(), List.of());
        manifest.write(request.manifestFile());
        return new VendorResult(VendorResult.Outcome.NO_DEPENDENCIES, manifest, warnings, elapsed(start));
    }

    /** Local edits in the current vendor/: fail, or (allowVendorEdits) copy them into the staging tree and report them. */
    private List<String> carryOverEdits(VendorRequest request, GoModCommands commands, Path staging, Log log, List<String> warnings)
            throws IOException, VendorException {
        Path vendor = request.vendorDirectory();
        if (!Files.isDirectory(vendor)) {
            return List.of();
        }
        VendorEdits edits = VendorEdits.find(vendor, request.moduleDirectory(), cache, commands::download);
        if (edits.isEmpty()) {
            return List.of();
        }
        if (!request.allowVendorEdits()) {
            throw editsException(edits, "vendor/ was not changed");
        }
        List<String> kept = new ArrayList<>();
        for (String file : edits.all()) {
            VendorFiles.copyContent(vendor.resolve(file), staging.resolve(file));
            kept.add("vendor/" + file);
        }
        warnings.add("kept " + kept.size() + " locally edited file(s) in vendor/ (allowVendorEdits): " + String.join(", ", kept));
        log.info("kept " + kept.size() + " locally edited file(s) in vendor/ (allowVendorEdits)");
        return kept;
    }

    private static VendorException editsException(VendorEdits edits, String state) {
        StringBuilder message = new StringBuilder("vendor/ has local edits that vendoring would overwrite; " + state + ":");
        edits.modified().forEach(f -> message.append("\n  modified: vendor/").append(f));
        edits.added().forEach(f -> message.append("\n  added:    vendor/").append(f));
        edits.uncheckable().forEach(f -> message.append("\n  unknown:  vendor/").append(f).append(" (its module is not in the module cache)"));
        return new VendorException(message.toString(),
                "keep a patched dependency as a fork with a replace directive in go.mod; or set <allowVendorEdits>true</allowVendorEdits>"
                        + " (-Dgo-hygiene.allowVendorEdits) to keep these files as they are");
    }

    private static VendorException driftException(List<String> drift, String state) {
        return new VendorException("vendor/modules.txt does not agree with go.mod, so go build -mod=vendor would refuse it; " + state
                + ":\n  " + String.join("\n  ", drift),
                "run 'go mod tidy' and then this goal again; if go.mod was edited by hand, check its require and replace lines");
    }

    private static String relative(VendorRequest request, Path p) {
        return p.startsWith(request.moduleDirectory()) ? request.moduleDirectory().relativize(p).toString() : p.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
