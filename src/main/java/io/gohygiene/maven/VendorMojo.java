package io.gohygiene.maven;

import io.gohygiene.modvendor.VendorException;
import io.gohygiene.modvendor.VendorManifest;
import io.gohygiene.modvendor.VendorRequest;
import io.gohygiene.modvendor.VendorResult;
import io.gohygiene.modvendor.VendorSync;
import io.gohygiene.platform.CgoPaths;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.toolchain.GoToolchain;
import io.gohygiene.toolchain.LiveSystemProbe;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Proxy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code go mod vendor} that keeps the C files cgo packages need (go mod vendor prunes directories without Go
 * files), swaps vendor/ in only when everything succeeded, refuses to overwrite local edits, and records what it
 * restored in target/go-hygiene/vendor-manifest.json. Also writes the cgo paths (sysroot, Homebrew) the build
 * goal adds. Runs when the project vendors: a vendor/ directory exists, or {@code <vendor>true</vendor>}.
 */
@Mojo(name = "vendor", defaultPhase = LifecyclePhase.PROCESS_SOURCES, threadSafe = true)
public class VendorMojo extends AbstractGoHygieneMojo {

    /** Skips this goal only. */
    @Parameter(property = "go-hygiene.vendor.skip", defaultValue = "false")
    boolean skipVendor;

    /** Vendor even without a vendor/ directory (true), or never (false). Default: when vendor/ exists. */
    @Parameter(property = "go-hygiene.vendor")
    Boolean vendor;

    /** Keep files in vendor/ that differ from their module (and report them) instead of failing. */
    @Parameter(property = "go-hygiene.allowVendorEdits", defaultValue = "false")
    boolean allowVendorEdits;

    /**
     * Modules whose whole tree is restored into vendor/ (modvendor-style), for C files no {@code #include} names;
     * {@code *} for every module with a cgo package.
     */
    @Parameter(property = "go-hygiene.wholeModules")
    List<String> wholeModules;

    /** Print the cgo paths handed to the build and the restored files, each with its reason. */
    @Parameter(property = "go-hygiene.explain", defaultValue = "false")
    boolean explain;

    @Parameter(defaultValue = "${project.build.directory}/go-hygiene", readonly = true)
    File workDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipVendor) {
            getLog().info("go-hygiene: vendor skipped");
            return;
        }
        LiveSystemProbe probe = new LiveSystemProbe();
        GoToolchain go = probeGo(probe);
        CgoPaths paths = computeCgoPaths(go.hostPlatform());
        try {
            paths.write(workDirectory.toPath().resolve(CgoPaths.FILE_NAME));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + CgoPaths.FILE_NAME + " in " + workDirectory + ": " + e.getMessage());
        }
        if (explain) {
            getLog().info("go-hygiene: cgo paths for the build" + (paths.entries().isEmpty() ? ": none (no <sysroot>, no native macOS cgo target with Homebrew)" : ":"));
            paths.explain().forEach(line -> getLog().info("  " + line));
        }
        Path moduleDir = coreModuleDirectory();
        boolean active = vendor != null ? vendor : Files.isDirectory(moduleDir.resolve("vendor"));
        if (!active) {
            getLog().info("go-hygiene: not vendoring (no vendor/ directory" + (vendor == null ? " and <vendor> not set)" : "; <vendor>false</vendor>)"));
            return;
        }
        VendorRequest request = new VendorRequest(moduleDir, workDirectory.toPath(), environment(probe.environment()),
                session != null && session.isOffline(), allowVendorEdits, wholeModules, coreTimeout());
        Path moduleCache = go.env("GOMODCACHE").map(Path::of).orElseThrow(() -> new MojoExecutionException(
                go.executable() + " reports no GOMODCACHE; set GOPATH or GOMODCACHE"));
        VendorResult result;
        try {
            result = new VendorSync(go.executable(), go.versionLine(), moduleCache, new ProcessRunner())
                    .run(request, VendorSync.Log.of(line -> getLog().info("go-hygiene: " + line), line -> getLog().debug("go-hygiene: " + line)));
        } catch (VendorException e) {
            throw new MojoFailureException(e.getMessage() + "\n  hint: " + e.hint());
        }
        result.warnings().forEach(w -> getLog().warn("go-hygiene: " + w));
        if (explain) {
            VendorManifest m = result.manifest();
            getLog().info("go-hygiene: restored into vendor/" + (m.restored().isEmpty() ? ": nothing (no cgo package needs files outside its directory)" : ":"));
            m.restored().forEach(f -> getLog().info("  " + f.path() + "  (" + f.reason() + ")"));
            m.unresolved().forEach(u -> getLog().info("  unresolved: #include \"" + u.include() + "\" in " + u.includedFrom()));
        }
    }

    /** The build's environment plus Maven's active proxy for the go command, unless the environment names one already. */
    private Map<String, String> environment(Map<String, String> base) {
        Map<String, String> env = new TreeMap<>(base);
        if (session == null || session.getSettings() == null) {
            return env;
        }
        for (Proxy proxy : session.getSettings().getProxies()) {
            if (!proxy.isActive()) {
                continue;
            }
            String auth = proxy.getUsername() == null || proxy.getUsername().isBlank() ? ""
                    : proxy.getUsername() + (proxy.getPassword() == null ? "" : ":" + proxy.getPassword()) + "@";
            String url = "http://" + auth + proxy.getHost() + ":" + proxy.getPort();
            String protocol = proxy.getProtocol() == null ? "http" : proxy.getProtocol().toLowerCase(java.util.Locale.ROOT);
            List<String> passed = new ArrayList<>();
            for (String name : protocol.equals("https") ? List.of("HTTPS_PROXY") : List.of("HTTP_PROXY", "HTTPS_PROXY")) {
                if (!env.containsKey(name) && !env.containsKey(name.toLowerCase(java.util.Locale.ROOT))) {
                    env.put(name, url);
                    passed.add(name + "=" + io.gohygiene.process.SecretMasking.urls(url));
                }
            }
            if (proxy.getNonProxyHosts() != null && !proxy.getNonProxyHosts().isBlank()
                    && !env.containsKey("NO_PROXY") && !env.containsKey("no_proxy")) {
                env.put("NO_PROXY", proxy.getNonProxyHosts().replace('|', ',').replace("*.", "."));
                passed.add("NO_PROXY=" + env.get("NO_PROXY"));
            }
            // Said once, because a download that fails through it is then explained by this line.
            if (!passed.isEmpty()) {
                getLog().info("go-hygiene: go downloads through Maven's proxy '" + proxy.getId() + "' (" + String.join(", ", passed) + ")");
            }
            break;
        }
        return env;
    }
}
