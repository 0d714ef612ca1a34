package io.gohygiene.maven;

import io.gohygiene.finding.FailureSummary;
import io.gohygiene.finding.Finding;
import io.gohygiene.gobuild.BuildException;
import io.gohygiene.gobuild.BuildMatrix;
import io.gohygiene.gobuild.BuildOutputs;
import io.gohygiene.gobuild.BuildPlan;
import io.gohygiene.gobuild.BuildRequest;
import io.gohygiene.gobuild.BuildResult;
import io.gohygiene.platform.Target;
import io.gohygiene.platform.UnknownTargetException;
import io.gohygiene.process.Durations;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.toolchain.GoToolchain;
import io.gohygiene.toolchain.LiveSystemProbe;
import io.gohygiene.toolchain.ToolchainGate;
import io.gohygiene.toolchain.ToolchainPolicy;
import io.gohygiene.toolchain.ToolchainRequest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Builds the Go packages for every target, in parallel, each with an environment computed from the target
 * (GOOS, GOARCH, the variant, CGO_ENABLED, CC) instead of whatever the shell exported; writes each target's
 * exact command and environment under target/go-hygiene/ and attaches the binaries to the project.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class BuildMojo extends AbstractGoHygieneMojo {

    /** Skips this goal only. */
    @Parameter(property = "go-hygiene.build.skip", defaultValue = "false")
    boolean skipBuild;

    /**
     * The main packages to build, e.g. ./cmd/server (comma-separated on the command line); each binary is named as go
     * names it, or {@code <package><path>./cmd/server</path><name>myserver</name></package>}.
     */
    @Parameter(property = "go-hygiene.packages")
    List<PackageConfig> packages;

    /** Extra go build flags, e.g. -v, -race. */
    @Parameter(property = "go-hygiene.buildFlags")
    List<String> buildFlags;

    /** -ldflags for every target. */
    @Parameter(property = "go-hygiene.ldflags")
    String ldflags;

    /** Build tags. */
    @Parameter(property = "go-hygiene.tags")
    List<String> tags;

    /** -buildmode (exe, pie, c-shared …). */
    @Parameter(property = "go-hygiene.buildmode")
    String buildmode;

    /** Build with -trimpath (reproducible, no build-machine paths). */
    @Parameter(property = "go-hygiene.trimpath", defaultValue = "true")
    boolean trimpath;

    /** Let GOOS, GOARCH, CGO_ENABLED, CC, CGO_*FLAGS, GOFLAGS from the shell reach the build (normally they are replaced). */
    @Parameter(property = "go-hygiene.inheritEnvironment", defaultValue = "false")
    boolean inheritEnvironment;

    /** How many targets build at once; default: the number of cores. */
    @Parameter(property = "go-hygiene.parallelism")
    Integer parallelism;

    /**
     * Flags cgo adds for every cgo target, by variable: {@code <cgoFlags><CGO_CFLAGS>-I${project.basedir}/include</CGO_CFLAGS></cgoFlags>}.
     * CGO_CFLAGS, CGO_CPPFLAGS, CGO_CXXFLAGS, CGO_FFLAGS, CGO_LDFLAGS.
     */
    @Parameter
    java.util.Map<String, String> cgoFlags;

    /** Attach each binary to the project (classifier goos-goarch[-variant]) so install and deploy publish it. */
    @Parameter(property = "go-hygiene.attach", defaultValue = "true")
    boolean attach;

    /**
     * A shared Go build cache on an HTTP server (nginx WebDAV, bazel-remote, an Artifactory or Nexus generic
     * repository): {@code <remoteCache><url>https://cache.example/go/</url><serverId>go-cache</serverId></remoteCache>},
     * read-only unless {@code <push>true</push>}; needs go 1.24 or newer. See docs/remote-cache-servers.md.
     */
    @Parameter
    RemoteCacheConfig remoteCache;

    @Parameter(defaultValue = "${project.build.directory}/go", readonly = true)
    File outputDirectory;

    @Parameter(defaultValue = "${project.build.directory}/go-hygiene", readonly = true)
    File workDirectory;

    @Component
    MavenProjectHelper projectHelper;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipBuild) {
            getLog().info("go-hygiene: build skipped");
            return;
        }
        long start = System.nanoTime();
        LiveSystemProbe probe = new LiveSystemProbe();
        GoToolchain go = probeGo(probe);
        BuildPlan plan = plan(go, probe);
        requireMatchingCompilers(go, probe, plan.targets());
        BuildRequest request = request(go, probe)
                .withRemoteCache(RemoteCacheSettings.resolve(remoteCache, session, settingsDecrypter, go, getLog()).orElse(null));
        String building = "go-hygiene: building " + String.join(", ", request.packages().isEmpty() ? List.of(".") : request.packages())
                + " for " + plan.targets().size() + " target(s), " + Math.min(request.parallelism(), plan.targets().size())
                + " at a time, with " + go.versionLine()
                + (request.remoteCache() == null ? "" : ", remote cache " + request.remoteCache());
        if (details) {
            getLog().info(building);
        } else {
            getLog().debug(building);
        }
        List<BuildResult> results;
        try {
            results = BuildMatrix.buildAll(go.executable(), go.hostPlatform(), request, plan.targets(), cToolchains(), new ProcessRunner(), new MatrixLog());
            BuildOutputs.of(results).write(workDirectory.toPath());
        } catch (BuildException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot record the build's outputs in " + workDirectory + " (" + e.getMessage()
                    + "); verify needs that list: check that the directory is writable", e);
        }
        long unchanged = results.stream().filter(BuildResult::unchanged).count();
        getLog().info("go-hygiene: " + results.size() + " target(s) built in " + Durations.format(Duration.ofNanos(System.nanoTime() - start))
                + " with " + go.versionLine().replaceFirst("^go version ", "") + (unchanged == results.size() ? ", every output unchanged" : unchanged > 0 ? ", " + unchanged + " unchanged" : ""));
        attach(results);
    }

    /** The targets as they will be built, each decision the pom left open said in the log. */
    private BuildPlan plan(GoToolchain go, LiveSystemProbe probe) throws MojoExecutionException {
        try {
            BuildPlan plan = BuildPlan.resolve(coreTargets(), this::wantsStaticLinkage, go, probe);
            plan.notes().forEach(note -> getLog().info("go-hygiene: " + note));
            if (isGoPackaging()) {
                plan.requireOneBinary(PackageConfig.paths(packages));
            }
            return plan;
        } catch (UnknownTargetException e) {
            throw new MojoExecutionException("<targets>: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    /** {@code <linkage>static</linkage>} in the target's own {@code <rules>}, else in the project's (or go-hygiene.linkage). */
    private boolean wantsStaticLinkage(Target target) {
        String linkage = null;
        if (targets != null) {
            for (TargetConfig config : targets) {
                if (config.rules() != null && config.rules().linkage != null && config.toTarget().name().equals(target.name())) {
                    linkage = config.rules().linkage;
                }
            }
        }
        String effective = linkage != null ? linkage : rule("linkage", rulesConfig().linkage).orElse(null);
        return effective != null && effective.strip().equalsIgnoreCase("static");
    }

    private BuildRequest request(GoToolchain go, LiveSystemProbe probe) throws MojoExecutionException {
        try {
            return new BuildRequest(coreModuleDirectory(), PackageConfig.paths(packages), outputDirectory.toPath(), workDirectory.toPath(),
                    buildFlags == null ? List.of() : List.copyOf(buildFlags), ldflags, list(tags), buildmode, trimpath, probe.environment(),
                    inheritEnvironment, coreTimeout(), BuildRequest.parallelism(parallelism, Runtime.getRuntime().availableProcessors()), cgoFlags, cgoPaths(go, workDirectory.toPath()), goEnvFile(go, probe), PackageConfig.names(packages));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    /** One line per target when it starts and when it ends. */
    private final class MatrixLog implements BuildMatrix.Listener {
        @Override
        public void started(Target t) {
            if (details) {
                getLog().info("  " + t.name() + ": building");
            } else {
                getLog().debug("  " + t.name() + ": building");
            }
        }

        /** Remote cache warnings already said, by their shape: one line per kind of problem, not per target or object. */
        private final java.util.Set<String> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public void finished(BuildResult r) {
            // An unchanged output is the everyday no-op: the summary line says it for all of them.
            if (!r.unchanged() || details) {
                getLog().info("  " + r.target().name() + ": built in " + Durations.format(r.elapsed()) + " -> "
                        + String.join(", ", r.outputs().stream().map(p -> relative(p)).toList()) + (r.unchanged() ? " (unchanged)" : ""));
            }
            if (r.remoteCache() != null) {
                getLog().info("  " + r.target().name() + ": remote cache: " + r.remoteCache().line());
                for (String warning : r.remoteCache().warnings()) {
                    if (warned.add(io.gohygiene.remotecache.RemoteCacheSummary.shape(warning))) {
                        getLog().warn("go-hygiene: " + warning);
                    }
                }
            }
        }

        @Override
        public void failed(Target t, BuildException e) {
            getLog().error("  " + t.name() + ": failed");
        }
    }

    /** The binaries as the project's artifacts: the main one with packaging go, and each with its goos-goarch classifier. */
    private void attach(List<BuildResult> results) {
        if (isGoPackaging()) {
            Path binary = results.get(0).outputs().get(0);
            project.getArtifact().setFile(binary.toFile());
            project.getArtifact().setArtifactHandler(new BinaryArtifactHandler(binary.getFileName().toString().endsWith(".exe") ? "exe" : "bin"));
            getLog().info("go-hygiene: " + relative(binary) + " is the project's artifact (<packaging>go</packaging>)");
        }
        if (attach && project != null) {
            for (BuildResult r : results) {
                for (Path output : r.outputs()) {
                    String classifier = r.target().goos() + "-" + r.target().goarch() + (r.target().variant() == null ? "" : "-" + r.target().variant());
                    if (r.outputs().size() > 1) {
                        classifier = stripExe(output.getFileName().toString()) + "-" + classifier;
                    }
                    projectHelper.attachArtifact(project, output.getFileName().toString().endsWith(".exe") ? "exe" : "bin", classifier, output.toFile());
                }
            }
        }
    }

    /** {@code <packaging>go</packaging>}: the plugin's own packaging (with {@code <extensions>true</extensions>}). */
    private boolean isGoPackaging() {
        return project != null && GO_PACKAGING.equals(project.getPackaging());
    }

    static final String GO_PACKAGING = "go";

    /**
     * The toolchain gate's C compiler check, run before anything builds: a cgo target whose compiler is missing or
     * compiles for another platform fails here, with the check's hint, rather than deep in a link.
     */
    private void requireMatchingCompilers(GoToolchain go, LiveSystemProbe probe, List<Target> matrix) throws MojoExecutionException, MojoFailureException {
        List<Finding> failures;
        try {
            failures = new ToolchainGate(probe, new ProcessRunner(), java.util.Optional.of(hostPlatform(probe))).compilerFailures(go,
                    new ToolchainRequest(Optional.ofNullable(this.go).filter(s -> !s.isBlank()), goFromToolchains(),
                            matrix, coreModuleDirectory(), ToolchainPolicy.defaults(), coreTimeout()));
        } catch (UnknownTargetException e) {
            throw new MojoExecutionException("<targets>: " + e.getMessage());
        }
        if (!failures.isEmpty()) {
            throw new MojoFailureException(FailureSummary.of("C compilers do not match their cgo targets; nothing was built:",
                    failures.stream().map(f -> new FailureSummary.Item(f.subject(), f)).toList()));
        }
    }

    private static String stripExe(String name) {
        return name.endsWith(".exe") ? name.substring(0, name.length() - 4) : name;
    }
}
