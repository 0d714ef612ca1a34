package io.gohygiene.toolchain;

import io.gohygiene.modfetch.FetchedModule;
import io.gohygiene.modfetch.ModuleFetchException;
import io.gohygiene.modfetch.ModuleFetcher;
import io.gohygiene.version.GoVersion;
import io.gohygiene.version.VersionRange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Provisions a Go release the way go's own {@code GOTOOLCHAIN} switch does (cmd/go/internal/toolchain/select.go),
 * from Java, so no go needs to be installed: the module {@code golang.org/toolchain@v0.0.1-go<release>.<os>-<arch>}
 * for the host's native architecture, fetched through GOPROXY and checked against the checksum database by
 * {@link ModuleFetcher}, unpacked in the module cache go uses; then, like go on first use, the execute bits set
 * (pkg/tool, lib's exec wrappers, bin/gofmt, then bin) and the {@code _go.mod} files copied to {@code go.mod}
 * (the zip carries them renamed so that GOROOT's modules do not nest), {@code src/go.mod} last as the signal.
 */
public final class ToolchainProvisioner {

    public static final String MODULE = "golang.org/toolchain";
    /** Go 1.21 is the first release published as a toolchain module. */
    private static final GoVersion FIRST_MODULE_RELEASE = GoVersion.parse("1.21.0").orElseThrow();

    private final ModuleFetcher fetcher;

    public ToolchainProvisioner(ModuleFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * Everything {@link GoProbing#locateProvisionAndProbe} needs for a project: the wanted release from
     * {@code <goVersion>} and the module's go.mod, the host as the toolchain gate sees it, and a provisioner over go's
     * own settings (GOMODCACHE, GOPROXY, GOSUMDB from the environment or the go env file) and Maven's HTTP settings.
     */
    public static GoProbing.Provisioning forProject(SystemProbe probe, io.gohygiene.modfetch.HttpSettings http,
                                                    Optional<VersionRange> goVersion, Path moduleDirectory) throws ToolchainException {
        return forProject(probe, HostPlatformDetector.detect(probe), http, goVersion, moduleDirectory);
    }

    /** As above, for a {@code host} the caller has already detected. */
    public static GoProbing.Provisioning forProject(SystemProbe probe, HostPlatform host, io.gohygiene.modfetch.HttpSettings http,
                                                    Optional<VersionRange> goVersion, Path moduleDirectory) throws ToolchainException {
        Path goModPath = moduleDirectory.resolve("go.mod");
        Optional<GoModFile> goMod = probe.readFile(goModPath).map(text -> GoModFile.parse(goModPath, text));
        Wanted wanted = wanted(goVersion, goMod);
        return new GoProbing.Provisioning(wanted, goVersion, host,
                () -> new ToolchainProvisioner(GoModuleAccess.of(probe, http).fetcher()));
    }

    /** The release to provision, and what named it. */
    public record Wanted(GoVersion release, String reason, boolean exact) {
    }

    /**
     * {@code <goVersion>} when it names one release; else go.mod's {@code toolchain} line; else its {@code go} line
     * as the release GOTOOLCHAIN=auto switches to ({@code go 1.22} → go1.22.0).
     */
    public static Wanted wanted(Optional<VersionRange> goVersion, Optional<GoModFile> goMod) throws ToolchainException {
        Optional<GoVersion> named = goVersion.flatMap(VersionRange::namedRelease);
        if (named.isPresent()) {
            boolean exact = goVersion.get().toString().startsWith("[");
            return new Wanted(checkPublished(named.get(), "<goVersion> " + goVersion.get()), "<goVersion> " + goVersion.get(), exact);
        }
        if (goMod.isPresent() && goMod.get().toolchain().isPresent()) {
            GoVersion toolchain = goMod.get().toolchain().get();
            return new Wanted(checkPublished(toolchain, "the toolchain line of " + goMod.get().file()), "toolchain " + toolchain.goName() + " in " + goMod.get().file(), false);
        }
        if (goMod.isPresent() && goMod.get().go().isPresent()) {
            GoVersion go = goMod.get().go().get();
            GoVersion release = go.numbers().size() == 2 && go.prerelease().isEmpty()
                    ? GoVersion.parse(go.numbers().get(0) + "." + go.numbers().get(1) + ".0").orElseThrow() : go;
            if (release.compareTo(FIRST_MODULE_RELEASE) < 0) {
                // Before 1.21 the go line is only the language version (go 1.20, released as go1.20, go1.20.1 …), and
                // go's own GOTOOLCHAIN=auto never switches below 1.21: which release is meant is not said.
                throw new ToolchainException("go " + go.text() + " in " + goMod.get().file() + " is a language version before Go 1.21, which names no"
                        + " release to provision (go itself switches only to 1.21 and newer)",
                        "name the release in <rules><goVersion> (e.g. [1.20.14]: older releases are published as toolchain modules too) or add a toolchain line to go.mod");
            }
            return new Wanted(release, "go " + go.text() + " in " + goMod.get().file(), false);
        }
        throw new ToolchainException("<provision> is on, but nothing names the Go release to provision: <goVersion> names no single release and there is no go.mod with a go line",
                "set <rules><goVersion> to one release, e.g. [1.22.12], or add go.mod");
    }

    private static GoVersion checkPublished(GoVersion release, String where) throws ToolchainException {
        // From 1.21 the first release of 1.x is go1.x.0 and go1.x is the language version; before it, go1.20 was a release.
        if (release.numbers().size() < 3 && release.prerelease().isEmpty() && release.compareTo(FIRST_MODULE_RELEASE) >= 0) {
            throw new ToolchainException(where + " is the language version " + release.text() + ", not a release",
                    "name a release such as " + release.text() + ".0");
        }
        return release;
    }

    /** {@code v0.0.1-go1.22.12.linux-amd64}: the toolchain module's version for a release and platform. */
    public static String moduleVersion(GoVersion release, String goos, String goarch) {
        return "v0.0.1-" + release.goName() + "." + goos + "-" + goarch;
    }

    /** The provisioned go, ready to run, and where it came from. */
    public record Provisioned(LocatedGo located, FetchedModule module, String provenance) {
    }

    public Provisioned provision(GoVersion release, String goos, String goarch, String reason) throws ToolchainException {
        String version = moduleVersion(release, goos, goarch);
        FetchedModule module;
        try {
            module = fetcher.fetch(MODULE, version);
        } catch (ModuleFetchException e) {
            // proxy.golang.org answers 403 "not available" for a version it does not have; go treats that as an error
            // too, not as "not found", but the likely cause for the user is the same.
            String hint = e.notFound() || e.getMessage().matches("(?s).*answered HTTP 4\\d\\d.*")
                    ? "check that " + release.goName() + " is a Go release published for " + goos + "/" + goarch + " (see https://go.dev/dl/); " + e.hint()
                    : e.hint();
            throw new ToolchainException("provisioning " + release.goName() + " for " + goos + "/" + goarch + " (" + MODULE + "@" + version + "): " + e.getMessage(), hint, e);
        }
        Path goExecutable = module.dir().resolve("bin").resolve(goos.equals("windows") ? "go.exe" : "go");
        try {
            prepare(module.dir(), goos);
        } catch (IOException e) {
            throw new ToolchainException("provisioning " + release.goName() + ": could not prepare " + module.dir() + ": " + e.getMessage(),
                    "check that the module cache " + fetcher.cache().root() + " belongs to this user", e);
        }
        if (!Files.isRegularFile(goExecutable)) {
            throw new ToolchainException(MODULE + "@" + version + " in " + module.dir() + " has no bin/go",
                    "delete " + module.dir() + " (go clean -modcache, or chmod -R u+w then rm -r) and run again");
        }
        String provenance = "provisioned " + MODULE + "@" + version + " for " + reason + ", " + module.provenance(fetcher.cache().root());
        return new Provisioned(new LocatedGo(goExecutable, provenance, List.of()), module, provenance);
    }

    /** select.go's first-use steps; each is idempotent and safe when go or another JVM does the same at once. */
    static void prepare(Path dir, String goos) throws IOException {
        if (!goos.equals("windows") && Files.getFileStore(dir).supportsFileAttributeView("posix")
                && !Files.isExecutable(dir.resolve("bin").resolve("go"))) {
            allowExec(dir.resolve("pkg").resolve("tool"), null);
            allowExec(dir.resolve("lib"), "go_.+_.+_exec");
            allowExec(dir.resolve("bin").resolve("gofmt"), null);
            allowExec(dir.resolve("bin"), null);
        }
        Path srcUGoMod = dir.resolve("src").resolve("_go.mod");
        Path srcGoMod = dir.resolve("src").resolve("go.mod");
        if (Files.exists(srcUGoMod) && size(srcGoMod) != size(srcUGoMod)) {
            List<Path> renamed;
            try (Stream<Path> walk = Files.walk(dir)) {
                renamed = walk.filter(p -> p.getFileName().toString().equals("_go.mod") && !p.equals(srcUGoMod)).toList();
            }
            for (Path uGoMod : renamed) {
                copyBeside(uGoMod, uGoMod.resolveSibling("go.mod"));
            }
            copyBeside(srcUGoMod, srcGoMod);
        }
    }

    private static void allowExec(Path root, String namePattern) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> namePattern == null || p.getFileName().toString().matches(namePattern)).toList();
        }
        for (Path file : files) {
            Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            perms.addAll(List.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(file, perms);
        }
    }

    /** raceSafeCopy: the read-only directory opened for writing just long enough, the file written in place. */
    private static void copyBeside(Path from, Path to) throws IOException {
        if (size(to) == size(from)) {
            return;
        }
        byte[] data = Files.readAllBytes(from);
        Path parent = to.getParent();
        boolean posix = Files.getFileStore(parent).supportsFileAttributeView("posix");
        Set<PosixFilePermission> dirPerms = posix ? Files.getPosixFilePermissions(parent) : Set.of();
        if (posix) {
            Set<PosixFilePermission> writable = EnumSet.noneOf(PosixFilePermission.class);
            writable.addAll(dirPerms);
            writable.add(PosixFilePermission.OWNER_WRITE);
            Files.setPosixFilePermissions(parent, writable);
        }
        try {
            Files.write(to, data);
            if (posix) {
                Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
            }
        } finally {
            if (posix) {
                Files.setPosixFilePermissions(parent, dirPerms);
            }
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
