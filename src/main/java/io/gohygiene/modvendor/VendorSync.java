package io.gohygiene.modvendor;

import com.fasterxml.jackson.jr.ob.JSON;
import io.gohygiene.files.Sha256;
import io.gohygiene.process.CommandLine;
import io.gohygiene.process.Durations;
import io.gohygiene.process.ProcessException;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.version.GoVersion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
 * A fingerprint of go.mod, go.sum, modules.txt and the restored files makes a run with nothing changed a no-op.
 */
public final class VendorSync {

    /** Where progress goes: one line per step. */
    public interface Log {
        void info(String line);
    }

    private static final GoVersion GO_1_18 = GoVersion.parse("1.18").orElseThrow();
    static final String STAGING = "_vendor.new";
    static final String DISCARDED = "_vendor.old";

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
        Path vendor = request.vendorDirectory();
        Map<String, String> env = environment(request);
        List<String> warnings = new ArrayList<>();
        try {
            Optional<VendorManifest.Fingerprint> previous = VendorManifest.readFingerprint(request.manifestFile());
            if (previous.isPresent() && Files.isDirectory(vendor)
                    && fingerprint(request, previous.get().restored()).equals(previous.get().value())) {
                // go.mod and modules.txt are as the run that wrote the manifest left them, and that run checked
                // that they agree: no go process needed to say so again.
                log.info("vendor/ is up to date (go.mod, go.sum, vendor/modules.txt and " + previous.get().restored().size()
                        + " restored files unchanged): nothing to do");
                Path manifestFile = request.manifestFile();
                return new VendorResult(VendorResult.Outcome.UP_TO_DATE, warnings, elapsed(start),
                        () -> VendorManifest.read(manifestFile).orElseThrow(() -> new IllegalStateException(manifestFile + " cannot be read")));
            }

            Files.createDirectories(request.workDirectory());
            Path staging = request.workDirectory().resolve(STAGING);
            VendorFiles.deleteTree(staging);
            ProcessResult vendored = goModVendor(request, env, staging);
            if (!vendored.succeeded()) {
                return failedVendoring(request, env, vendored, warnings, start, log);
            }
            if (!Files.isDirectory(staging)) {
                return noDependencies(request, env, log, warnings, start);
            }
            ModulesTxt modules = ModulesTxt.read(staging.resolve("modules.txt"));
            log.info("go mod vendor: " + modules.modules().stream().filter(m -> m.version() != null).count() + " module(s), "
                    + modules.modules().stream().mapToInt(m -> m.packages().size()).sum() + " package(s) ("
                    + Durations.format(vendored.elapsed()) + ")");

            Restoration restoration = restore(request, modules, staging);
            if (!restoration.restored.isEmpty()) {
                log.info("restored " + restoration.restored.size() + " file(s) that go mod vendor leaves out, for the cgo packages of "
                        + String.join(", ", restoration.modulesWithRestores));
            }
            if (!restoration.unresolved.isEmpty()) {
                warnings.add(restoration.unresolved.size() + " #include \"…\" line(s) in cgo packages name no file in their module"
                        + " (listed in " + request.manifestFile().getFileName() + "); if the build misses a header, list the module in"
                        + " <wholeModules>");
            }

            List<String> kept = carryOverEdits(request, env, staging, log, warnings);

            List<String> drift = drift(request, env, staging.resolve("modules.txt"));
            if (!drift.isEmpty()) {
                throw driftException(drift, "vendor/ was not changed; the new tree is in " + staging);
            }

            swap(staging, vendor, request.workDirectory());
            VendorManifest manifest = new VendorManifest(
                    fingerprint(request, restoration.restored.stream().map(VendorManifest.RestoredFile::path).toList()),
                    goVersionLine, (int) modules.modules().stream().filter(m -> m.version() != null).count(), restoration.cgoPackages, restoration.restored, kept,
                    restoration.unresolved);
            manifest.write(request.manifestFile());
            log.info("vendor/ replaced (" + Durations.format(elapsed(start)) + "); manifest: " + relative(request, request.manifestFile()));
            return new VendorResult(VendorResult.Outcome.VENDORED, manifest, warnings, elapsed(start));
        } catch (IOException e) {
            throw new VendorException("vendoring failed: " + e + "; vendor/ is as it was unless the message says otherwise",
                    "check the permissions and free space of " + request.moduleDirectory() + " and " + request.workDirectory());
        }
    }

    /** The go processes see the build's environment; offline Maven means no downloads at all. */
    private static Map<String, String> environment(VendorRequest request) {
        Map<String, String> env = new TreeMap<>(request.environment());
        if (request.offline()) {
            env.put("GOPROXY", "off");
        }
        return env;
    }

    private ProcessResult goModVendor(VendorRequest request, Map<String, String> env, Path staging) throws VendorException, IOException {
        if (goVersion.compareTo(GO_1_18) >= 0) {
            return go(request, env, List.of("mod", "vendor", "-o", staging.toString()));
        }
        // No -o before Go 1.18: vendor in place with the old tree moved aside, then move the new one to staging
        // and the old one back, so that the rest of the run is the same.
        Path vendor = request.vendorDirectory();
        Path aside = request.workDirectory().resolve(DISCARDED);
        VendorFiles.deleteTree(aside);
        boolean hadVendor = Files.isDirectory(vendor);
        if (hadVendor) {
            VendorFiles.move(vendor, aside);
        }
        try {
            ProcessResult result = go(request, env, List.of("mod", "vendor"));
            if (result.succeeded() && Files.isDirectory(vendor)) {
                VendorFiles.move(vendor, staging);
            } else {
                VendorFiles.deleteTree(vendor);
            }
            return result;
        } finally {
            if (hadVendor) {
                VendorFiles.move(aside, vendor);
            }
        }
    }

    /** go mod vendor failed: vendor/ is untouched. Offline with a consistent vendor/, the build can go on with it. */
    private VendorResult failedVendoring(VendorRequest request, Map<String, String> env, ProcessResult vendored, List<String> warnings,
                                         long start, Log log) throws VendorException, IOException {
        Path vendor = request.vendorDirectory();
        if (request.offline() && Files.isRegularFile(vendor.resolve("modules.txt"))
                && drift(request, env, vendor.resolve("modules.txt")).isEmpty()) {
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

    private VendorResult noDependencies(VendorRequest request, Map<String, String> env, Log log, List<String> warnings, long start)
            throws VendorException, IOException {
        Path vendor = request.vendorDirectory();
        if (Files.isDirectory(vendor)) {
            VendorEdits edits = VendorEdits.find(vendor, request.moduleDirectory(), cache, m -> download(request, env, m));
            if (!edits.isEmpty()) {
                throw editsException(edits, "go.mod requires no modules, so vendor/ would be removed");
            }
            Path aside = request.workDirectory().resolve(DISCARDED);
            VendorFiles.deleteTree(aside);
            VendorFiles.move(vendor, aside);
            VendorFiles.deleteTree(aside);
        }
        log.info("go.mod requires no modules: nothing to vendor" + (Files.isDirectory(vendor) ? "" : ", no vendor/"));
        VendorManifest manifest = new VendorManifest(fingerprint(request, List.of()), goVersionLine, 0, List.of(), List.of(), List.of(), List.of());
        manifest.write(request.manifestFile());
        return new VendorResult(VendorResult.Outcome.NO_DEPENDENCIES, manifest, warnings, elapsed(start));
    }

    private static final class Restoration {
        final List<VendorManifest.RestoredFile> restored = new ArrayList<>();
        final List<CgoNeedFinder.Unresolved> unresolved = new ArrayList<>();
        final List<String> cgoPackages = new ArrayList<>();
        final Set<String> modulesWithRestores = new LinkedHashSet<>();
    }

    private Restoration restore(VendorRequest request, ModulesTxt modules, Path staging) throws IOException {
        Restoration r = new Restoration();
        for (ModulesTxt.VendoredModule module : modules.modules()) {
            if (module.packages().isEmpty()) {
                continue;
            }
            Path source = cache.sourceOf(module, request.moduleDirectory());
            if (!Files.isDirectory(source)) {
                continue;
            }
            List<String> packageDirs = module.packages().stream()
                    .map(p -> p.equals(module.path()) ? "" : p.startsWith(module.path() + "/") ? p.substring(module.path().length() + 1) : null)
                    .filter(p -> p != null).toList();
            CgoNeedFinder.Result needs = CgoNeedFinder.find(source, packageDirs);
            needs.cgoPackages().forEach(p -> r.cgoPackages.add(p.isEmpty() ? module.path() : module.path() + "/" + p));
            needs.unresolved().forEach(u -> r.unresolved.add(new CgoNeedFinder.Unresolved(module.path() + "/" + u.includedFrom(), u.include())));
            Path target = staging.resolve(module.path());
            for (CgoNeedFinder.Need need : needs.needs()) {
                restoreFile(r, module, source, target, need.path(), need.reason());
            }
            if (request.restoresWholeTree(module.path(), !needs.cgoPackages().isEmpty())) {
                for (String file : wholeTree(source)) {
                    restoreFile(r, module, source, target, file, "whole module restored (<wholeModules>)");
                }
            }
        }
        return r;
    }

    private static void restoreFile(Restoration r, ModulesTxt.VendoredModule module, Path source, Path target, String file, String reason)
            throws IOException {
        Path to = target.resolve(file).normalize();
        if (!to.startsWith(target) || Files.exists(to)) {
            return;
        }
        Path from = source.resolve(file);
        VendorFiles.copyContent(from, to);
        r.restored.add(new VendorManifest.RestoredFile("vendor/" + module.path() + "/" + file, module.display(), reason,
                Sha256.hex(to)));
        r.modulesWithRestores.add(module.path());
    }

    /**
     * A module's files for a whole-tree restore: all but Go files (which would make packages modules.txt does not
     * list), tests, testdata and nested modules, as modvendor does.
     */
    private static List<String> wholeTree(Path source) throws IOException {
        List<String> out = new ArrayList<>();
        for (String f : VendorFiles.files(source)) {
            String name = f.substring(f.lastIndexOf('/') + 1);
            if (name.endsWith(".go") || f.startsWith("testdata/") || f.contains("/testdata/") || f.startsWith(".git/")) {
                continue;
            }
            String dir = f.contains("/") ? f.substring(0, f.lastIndexOf('/')) : "";
            if (!dir.isEmpty() && insideNestedModule(source, dir)) {
                continue;
            }
            out.add(f);
        }
        return out;
    }

    private static boolean insideNestedModule(Path source, String dir) {
        for (Path d = source.resolve(dir); d != null && !d.equals(source); d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("go.mod"))) {
                return true;
            }
        }
        return false;
    }

    /** Local edits in the current vendor/: fail, or (allowVendorEdits) copy them into the staging tree and report them. */
    private List<String> carryOverEdits(VendorRequest request, Map<String, String> env, Path staging, Log log, List<String> warnings)
            throws IOException, VendorException {
        Path vendor = request.vendorDirectory();
        if (!Files.isDirectory(vendor)) {
            return List.of();
        }
        VendorEdits edits = VendorEdits.find(vendor, request.moduleDirectory(), cache, m -> download(request, env, m));
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

    /** The old version of a module that an existing vendor/ came from, fetched so its files can be compared. */
    private boolean download(VendorRequest request, Map<String, String> env, ModulesTxt.VendoredModule module) {
        if (module.replacedByDirectory() || module.version() == null) {
            return false;
        }
        String path = module.replacementPath() != null ? module.replacementPath() : module.path();
        String version = module.replacementPath() != null ? module.replacementVersion() : module.version();
        try {
            go(request, env, List.of("mod", "download", path + "@" + version));
        } catch (VendorException e) {
            return false;
        }
        return Files.isDirectory(cache.moduleDirectory(path, version));
    }

    private List<String> drift(VendorRequest request, Map<String, String> env, Path modulesTxt) throws VendorException, IOException {
        ProcessResult edit = go(request, env, List.of("mod", "edit", "-json"));
        if (!edit.succeeded()) {
            throw new VendorException("go.mod in " + request.moduleDirectory() + " cannot be read: " + edit.diagnostics(),
                    "fix the line go names; 'go mod edit -json' shows the same error");
        }
        VendorConsistency.GoMod goMod = VendorConsistency.GoMod.fromJson(JSON.std.mapFrom(edit.stdout()));
        ModulesTxt modules = Files.isRegularFile(modulesTxt) ? ModulesTxt.read(modulesTxt) : new ModulesTxt(List.of());
        return VendorConsistency.check(goMod, modules);
    }

    private ProcessResult go(VendorRequest request, Map<String, String> env, List<String> args) throws VendorException {
        List<String> argv = new ArrayList<>();
        argv.add(go.toString());
        argv.addAll(args);
        try {
            return runner.run(new CommandLine(argv, env, request.moduleDirectory(), request.timeout()));
        } catch (ProcessException e) {
            throw new VendorException(e.getMessage() + "; vendor/ was left as it was",
                    "raise <timeout> (go-hygiene.timeout) if the module proxy is only slow");
        }
    }

    /**
     * Two renames: vendor/ aside, staging into place. If the second fails the first is undone, so vendor/ is
     * always either the old tree or the new one.
     */
    static void swap(Path staging, Path vendor, Path workDirectory) throws IOException {
        Path aside = workDirectory.resolve(DISCARDED);
        VendorFiles.deleteTree(aside);
        boolean hadVendor = Files.isDirectory(vendor);
        if (hadVendor) {
            VendorFiles.move(vendor, aside);
        }
        try {
            VendorFiles.move(staging, vendor);
        } catch (IOException e) {
            if (hadVendor) {
                VendorFiles.move(aside, vendor);
            }
            throw e;
        }
        VendorFiles.deleteTree(aside);
    }

    /** SHA-256 over what decides the vendor tree: go.mod, go.sum, modules.txt, the restored files, the go and the settings. */
    private String fingerprint(VendorRequest request, List<String> restoredPaths) throws IOException {
        MessageDigest digest = Sha256.digest();
        Path moduleDir = request.moduleDirectory();
        for (Path part : List.of(moduleDir.resolve("go.mod"), moduleDir.resolve("go.sum"), request.vendorDirectory().resolve("modules.txt"))) {
            digest.update((moduleDir.relativize(part) + "\0").getBytes(StandardCharsets.UTF_8));
            if (Files.isRegularFile(part)) {
                digest.update(Files.readAllBytes(part));
            }
            digest.update((byte) 0);
        }
        for (String path : restoredPaths) {
            Path file = moduleDir.resolve(path);
            digest.update((path + "\0" + (Files.isRegularFile(file) ? Sha256.hex(file) : "missing") + "\0").getBytes(StandardCharsets.UTF_8));
        }
        digest.update((goVersionLine + "\0" + request.wholeModules() + "\0" + request.allowVendorEdits()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
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
