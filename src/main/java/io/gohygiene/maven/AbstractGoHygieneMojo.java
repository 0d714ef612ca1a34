package io.gohygiene.maven;

import io.gohygiene.finding.FailOn;
import io.gohygiene.platform.Target;
import io.gohygiene.process.Durations;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.model.ToolchainModel;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parameters every goal shares, and their translation into core values. */
abstract class AbstractGoHygieneMojo extends AbstractMojo {

    /** Skips every go-hygiene goal. */
    @Parameter(property = "go-hygiene.skip", defaultValue = "false")
    boolean skip;

    /** The go executable, or a GOROOT directory. Default: a go toolchain in toolchains.xml, then $GOROOT/bin, then PATH. */
    @Parameter(property = "go-hygiene.go")
    String go;

    /**
     * Provision the Go release the project asks for ({@code <rules><goVersion>} naming one release, else go.mod's
     * toolchain or go line) when the located go is missing, of another release or of a foreign architecture:
     * {@code golang.org/toolchain} from GOPROXY, verified against the checksum database, unpacked in go's module cache.
     */
    @Parameter(property = "go-hygiene.provision", defaultValue = "false")
    boolean provision;

    @org.apache.maven.plugins.annotations.Component
    org.apache.maven.settings.crypto.SettingsDecrypter settingsDecrypter;

    /** How long one go command may run before it and its children are killed: 90s, 5m, 1h. */
    @Parameter(property = "go-hygiene.timeout", defaultValue = "10m")
    String timeout;

    /**
     * The platforms to build and check: {@code <target>linux/amd64</target>}, {@code <target>linux/arm/7</target>}, or the
     * long form {@code <target><platform>linux/arm64</platform><cgo>true</cgo><cc>aarch64-linux-gnu-gcc</cc></target>}.
     * Default: the platform the go toolchain runs on.
     */
    @Parameter(property = "go-hygiene.targets")
    List<TargetConfig> targets;

    /** The directory holding go.mod. */
    @Parameter(property = "go-hygiene.moduleDirectory", defaultValue = "${project.basedir}")
    File moduleDirectory;

    /** What the project requires: {@code <goVersion>}, {@code <nativeToolchain>}, … */
    @Parameter
    RulesConfig rules;

    /**
     * Print every row of the toolchain and verify tables and every step of the build; by default the log shows one
     * line per step and per binary, and only the warnings and failures with their hints (the reports always hold
     * everything).
     */
    @Parameter(property = "go-hygiene.details", defaultValue = "false")
    boolean details;

    /** Which verdicts fail the build: error (failures only), warning (failures and warnings) or never. */
    @Parameter(property = "go-hygiene.failOn", defaultValue = "error")
    String failOn;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    List<Target> coreTargets() throws MojoExecutionException {
        List<Target> result = new ArrayList<>();
        if (targets == null) {
            return result;
        }
        for (TargetConfig config : targets) {
            try {
                result.add(config.toTarget());
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("<targets>: " + e.getMessage());
            }
        }
        return result;
    }

    /** go.mod's directory; without a pom (standalone goal runs) the directory Maven was started in. */
    java.nio.file.Path coreModuleDirectory() {
        if (moduleDirectory != null) {
            return moduleDirectory.toPath();
        }
        return java.nio.file.Path.of(session.getExecutionRootDirectory() != null ? session.getExecutionRootDirectory() : System.getProperty("user.dir"));
    }

    /** The project's build directory (target/), or target/ under the module directory without a pom. */
    java.nio.file.Path buildDirectory() {
        if (project != null && project.getBuild() != null && project.getBuild().getDirectory() != null) {
            return java.nio.file.Path.of(project.getBuild().getDirectory());
        }
        return coreModuleDirectory().resolve("target");
    }

    Duration coreTimeout() throws MojoExecutionException {
        try {
            return Durations.parse(timeout);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<timeout> (go-hygiene.timeout): " + e.getMessage());
        }
    }

    FailOn coreFailOn() throws MojoExecutionException {
        try {
            return FailOn.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    /** A rule value: the go-hygiene.NAME user or system property if set, else the {@code <rules>} value. */
    Optional<String> rule(String name, String configured) {
        return userOrSystemProperty(session, "go-hygiene." + name).or(() -> Optional.ofNullable(configured).filter(v -> !v.isBlank()));
    }

    /** The user property {@code name} (-D), else the system property; empty when unset or blank. */
    static Optional<String> userOrSystemProperty(MavenSession session, String name) {
        String value = session == null ? null : session.getUserProperties().getProperty(name, session.getSystemProperties().getProperty(name));
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    RulesConfig rulesConfig() {
        return rules == null ? new RulesConfig() : rules;
    }

    /**
     * The go this build uses: the {@code <go>} parameter, toolchains.xml, GOROOT, then PATH. Probed once per project
     * and build: the goals of one project share it through the plugin context (vendor, then build).
     */
    io.gohygiene.toolchain.GoToolchain probeGo(io.gohygiene.toolchain.LiveSystemProbe probe) throws MojoExecutionException {
        Optional<String> configured = Optional.ofNullable(go).filter(s -> !s.isBlank());
        Optional<String> fromToolchains = goFromToolchains();
        java.util.Map<Object, Object> context = getPluginContext();
        String key = "go-hygiene.go:" + configured + ":" + fromToolchains + ":" + provision + ":" + probe.environment().hashCode();
        if (context != null && context.get(key) instanceof io.gohygiene.toolchain.GoToolchain known) {
            return known;
        }
        try {
            // A build with nothing changed reuses the last run's probe, which holds while go and its settings do.
            java.nio.file.Path probeDir = buildDirectory().resolve("go-hygiene");
            io.gohygiene.toolchain.GoToolchain probed = provision
                    ? io.gohygiene.toolchain.GoProbing.locateProvisionAndProbe(probe, new io.gohygiene.process.ProcessRunner(), configured, fromToolchains,
                            Optional.of(probeDir), coreTimeout(), io.gohygiene.toolchain.ToolchainProvisioner.forProject(probe, hostPlatform(probe),
                                    ProvisionSettings.http(session, settingsDecrypter, getLog(), coreTimeout()), goVersionRange(), coreModuleDirectory()))
                    : io.gohygiene.toolchain.GoProbing.locateAndProbe(probe, new io.gohygiene.process.ProcessRunner(),
                            configured, fromToolchains, Optional.of(probeDir.resolve("go-probe.properties")), coreTimeout());
            if (context != null) {
                context.put(key, probed);
            }
            return probed;
        } catch (io.gohygiene.toolchain.ToolchainException e) {
            throw new MojoExecutionException(e.getMessage() + "\n  hint: " + e.hint(), e);
        }
    }

    /** The machine's native platform, detected once per project and build (the provisioner and the gate need it). */
    io.gohygiene.toolchain.HostPlatform hostPlatform(io.gohygiene.toolchain.LiveSystemProbe probe) {
        java.util.Map<Object, Object> context = getPluginContext();
        return context == null ? io.gohygiene.toolchain.HostPlatformDetector.detect(probe) : (io.gohygiene.toolchain.HostPlatform)
                context.computeIfAbsent("go-hygiene.host:" + probe.environment().hashCode(), k -> io.gohygiene.toolchain.HostPlatformDetector.detect(probe));
    }

    /** {@code <rules><goVersion>} or its property, parsed. */
    Optional<io.gohygiene.version.VersionRange> goVersionRange() throws MojoExecutionException {
        try {
            return rule("goVersion", rulesConfig().goVersion).map(io.gohygiene.version.VersionRange::parse);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<rules><goVersion> (go-hygiene.goVersion): " + e.getMessage());
        }
    }

    /**
     * The sysroot and Homebrew settings of the configured cgo targets (see {@link io.gohygiene.platform.CgoPaths});
     * the vendor goal writes them, the build goal reads them.
     */
    io.gohygiene.platform.CgoPaths computeCgoPaths(io.gohygiene.platform.Platform host) throws MojoExecutionException {
        List<io.gohygiene.platform.CgoPaths.Sysroot> sysroots = new ArrayList<>();
        List<io.gohygiene.platform.Platform> nativeCgo = new ArrayList<>();
        if (targets != null) {
            for (TargetConfig config : targets) {
                Target t;
                try {
                    t = config.toTarget();
                } catch (IllegalArgumentException e) {
                    throw new MojoExecutionException("<targets>: " + e.getMessage());
                }
                if (config.sysroot() != null) {
                    if (!config.sysroot().isDirectory()) {
                        throw new MojoExecutionException("<sysroot> of " + t.name() + " is " + config.sysroot()
                                + ", which is not a directory; point it at the root of the target's headers and libraries");
                    }
                    sysroots.add(new io.gohygiene.platform.CgoPaths.Sysroot(t.platform(), config.sysroot().toPath()));
                }
                if (!Boolean.FALSE.equals(t.cgo()) && t.platform().equals(host)) {
                    nativeCgo.add(t.platform());
                }
            }
        } else {
            nativeCgo.add(host);
        }
        return io.gohygiene.platform.CgoPaths.compute(sysroots, nativeCgo, host, java.nio.file.Files::isDirectory);
    }

    /** What the vendor goal wrote for the build (target/go-hygiene/cgo-paths.json), or the same computed here without it. */
    io.gohygiene.platform.CgoPaths cgoPaths(io.gohygiene.toolchain.GoToolchain go, java.nio.file.Path workDirectory) throws MojoExecutionException {
        java.nio.file.Path file = workDirectory.resolve(io.gohygiene.platform.CgoPaths.FILE_NAME);
        try {
            java.util.Optional<io.gohygiene.platform.CgoPaths> written = io.gohygiene.platform.CgoPaths.read(file);
            if (written.isPresent()) {
                if (!written.get().entries().isEmpty()) {
                    getLog().info("go-hygiene: cgo paths from the vendor goal (" + relative(file) + "): "
                            + written.get().entries().size() + " setting(s)");
                }
                return written.get();
            }
        } catch (java.io.IOException e) {
            getLog().warn("go-hygiene: " + relative(file) + " cannot be read (" + e.getMessage() + "); computing the cgo paths again");
        }
        return computeCgoPaths(go.hostPlatform());
    }

    /** The zig settings (glibc floor, libc, macOS minimum) of each configured target. */
    java.util.Map<Target, io.gohygiene.gobuild.CToolchain> cToolchains() throws MojoExecutionException {
        java.util.Map<Target, io.gohygiene.gobuild.CToolchain> result = new java.util.HashMap<>();
        if (targets != null) {
            for (TargetConfig t : targets) {
                result.put(t.toTarget(), t.cToolchain());
            }
        }
        return result;
    }

    /**
     * The go named by the first toolchain of type {@code go} in toolchains.xml: its {@code <configuration>} holds
     * {@code <goRoot>} (a GOROOT) or {@code <go>} (the executable). Maven has no factory for type go, so the
     * model is read directly.
     */
    Optional<String> goFromToolchains() {
        List<ToolchainModel> models = session.getRequest().getToolchains() == null ? null
                : session.getRequest().getToolchains().get("go");
        if (models == null) {
            return Optional.empty();
        }
        for (ToolchainModel model : models) {
            if (model.getConfiguration() instanceof Xpp3Dom config) {
                for (String name : new String[] {"goRoot", "goroot", "GOROOT", "go"}) {
                    Xpp3Dom child = config.getChild(name);
                    if (child != null && child.getValue() != null && !child.getValue().isBlank()) {
                        return Optional.of(child.getValue().strip());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The user's go env file ({@code go env -w}), read the way go reads it. */
    static java.util.Map<String, String> goEnvFile(io.gohygiene.toolchain.GoToolchain go, io.gohygiene.toolchain.LiveSystemProbe probe) {
        return go.env("GOENV").filter(f -> !f.equals("off")).map(java.nio.file.Path::of).flatMap(probe::readFile)
                .map(io.gohygiene.toolchain.GoSettings::parseEnvFile).orElse(java.util.Map.of());
    }

    String relative(java.nio.file.Path p) {
        java.nio.file.Path base = coreModuleDirectory().toAbsolutePath();
        return p.toAbsolutePath().startsWith(base) ? base.relativize(p.toAbsolutePath()).toString() : p.toString();
    }

    /** Packages and tags, which may come comma-separated from the command line. */
    static List<String> list(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            }
        }
        return out;
    }
}
