package io.gohygiene.gobuild;

import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildEnvironmentTest {

    private static final Platform HOST = new Platform("linux", "amd64");

    @TempDir
    Path dir;

    private BuildRequest request(Map<String, String> env, boolean inherit) {
        return new BuildRequest(dir, List.of(), dir.resolve("go"), dir.resolve("work"), List.of(), null, List.of(), null,
                true, env, inherit, Duration.ofMinutes(1), 1);
    }

    private static Map<String, String> poisoned() {
        Map<String, String> env = new TreeMap<>();
        env.put("GOARCH", "arm64");
        env.put("GOOS", "windows");
        env.put("CGO_ENABLED", "1");
        env.put("CC", "aarch64-linux-gnu-gcc");
        env.put("CXX", "aarch64-linux-gnu-g++");
        env.put("GOFLAGS", "-mod=mod");
        env.put("GOAMD64", "v4");
        env.put("CGO_LDFLAGS", "-L/opt/arm64/lib");
        env.put("PKG_CONFIG_PATH", "/opt/arm64/pkgconfig");
        env.put("PATH", "/usr/local/go/bin:/usr/bin:/bin");
        env.put("HOME", "/home/builder");
        env.put("GOCACHE", "/cache/go-build");
        env.put("GOPROXY", "https://proxy.example.com");
        env.put("GOPRIVATE", "example.com/*");
        env.put("HTTPS_PROXY", "http://proxy:3128");
        env.put("GOTOOLCHAIN", "local");
        return env;
    }

    private BuildEnvironment compute(Map<String, String> env, boolean inherit, Target target) throws BuildException {
        return BuildEnvironment.compute(request(env, inherit), target, HOST, CToolchain.DEFAULT);
    }

    @Test
    void inheritedBuildVariablesDoNotReachANativeTarget() throws Exception {
        BuildEnvironment env = compute(poisoned(), false, Target.parse("linux/amd64"));
        Map<String, String> vars = env.variables();
        assertEquals("linux", vars.get("GOOS"));
        assertEquals("amd64", vars.get("GOARCH"));
        for (String gone : List.of("CGO_ENABLED", "CC", "CXX", "GOFLAGS", "GOAMD64", "CGO_LDFLAGS", "PKG_CONFIG_PATH")) {
            assertFalse(vars.containsKey(gone), gone + " leaked: " + vars);
        }
        assertEquals("arm64", env.ignored().get("GOARCH"));
        assertEquals("windows", env.ignored().get("GOOS"));
        assertTrue(env.explanation().contains("GOOS=linux (target)"), env.explanation().toString());
        assertTrue(env.explanation().contains("GOARCH=amd64 (target)"), env.explanation().toString());
        assertTrue(env.explanation().stream().anyMatch(l -> l.startsWith("CGO_ENABLED not set")), env.explanation().toString());
        assertTrue(env.explanation().stream().anyMatch(l -> l.startsWith("GOFLAGS not set")), env.explanation().toString());
    }

    @Test
    void whereAndHowToFetchPassesThrough() throws Exception {
        Map<String, String> vars = compute(poisoned(), false, Target.parse("linux/arm64")).variables();
        for (String kept : List.of("PATH", "HOME", "GOCACHE", "GOPROXY", "GOPRIVATE", "HTTPS_PROXY", "GOTOOLCHAIN")) {
            assertEquals(poisoned().get(kept), vars.get(kept), kept);
        }
    }

    @Test
    void cgoTargetGetsExplicitCgoAndItsCompiler() throws Exception {
        Target target = new Target(Platform.parse("linux/arm64"), null, true, "aarch64-linux-gnu-gcc");
        BuildEnvironment env = compute(Map.of("CC", "gcc", "PATH", "/usr/bin"), false, target);
        assertEquals("1", env.variables().get("CGO_ENABLED"));
        assertEquals("aarch64-linux-gnu-gcc", env.variables().get("CC"));
        assertTrue(env.explanation().contains(
                "CGO_ENABLED=1 (target asks for cgo; a cross build would otherwise turn it off)"), env.explanation().toString());
        assertTrue(env.explanation().contains("CC=aarch64-linux-gnu-gcc (target <cc>aarch64-linux-gnu-gcc</cc>)"),
                env.explanation().toString());
    }

    @Test
    void crossTargetWithoutCgoSettingGetsCgoOffExplicitly() throws Exception {
        BuildEnvironment env = compute(poisoned(), false, Target.parse("darwin/arm64"));
        assertEquals("0", env.variables().get("CGO_ENABLED"));
        assertTrue(env.explanation().stream().anyMatch(l -> l.startsWith("CGO_ENABLED=0 (cross build")), env.explanation().toString());
    }

    @Test
    void nativeTargetWithCgoFalseGetsCgoOff() throws Exception {
        Target target = new Target(Platform.parse("linux/amd64"), null, false, null);
        BuildEnvironment env = compute(poisoned(), false, target);
        assertEquals("0", env.variables().get("CGO_ENABLED"));
        assertFalse(env.variables().containsKey("CC"), "CC without cgo");
    }

    @Test
    void variantVariableIsSetAndAnInheritedOneDropped() throws Exception {
        assertEquals("v3", compute(poisoned(), false, Target.parse("linux/amd64/v3")).variables().get("GOAMD64"));
        assertEquals("7", compute(poisoned(), false, Target.parse("linux/arm/7")).variables().get("GOARM"));
        assertFalse(compute(poisoned(), false, Target.parse("linux/amd64")).variables().containsKey("GOAMD64"));
    }

    @Test
    void vendorDirectoryMeansModVendor() throws Exception {
        Files.createDirectories(dir.resolve("vendor"));
        BuildEnvironment env = compute(poisoned(), false, Target.parse("linux/amd64"));
        assertEquals("-mod=vendor", env.variables().get("GOFLAGS"));
        assertTrue(env.explanation().stream().anyMatch(l -> l.startsWith("GOFLAGS=-mod=vendor (vendor/")), env.explanation().toString());
    }

    private BuildEnvironment withGoEnvFile(Map<String, String> env, Map<String, String> goEnvFile) throws BuildException {
        BuildRequest request = new BuildRequest(dir, List.of(), dir.resolve("go"), dir.resolve("work"), List.of(), null, List.of(), null,
                true, env, false, Duration.ofMinutes(1), 1, Map.of(), null, goEnvFile);
        return BuildEnvironment.compute(request, Target.parse("linux/amd64"), HOST, CToolchain.DEFAULT);
    }

    /** Issue 16.4: go env -w GOFLAGS=-buildvcs=false changes nothing that is built, so the build keeps it. */
    @Test
    void goEnvFileBuildvcsFalseIsKept() throws Exception {
        BuildEnvironment env = withGoEnvFile(Map.of("PATH", "/usr/bin"), Map.of("GOFLAGS", "-buildvcs=false"));
        assertEquals("-buildvcs=false", env.variables().get("GOFLAGS"));
        assertEquals("off", env.variables().get("GOENV"));
        assertTrue(env.explanation().contains("GOFLAGS from the go env file: -buildvcs=false kept (VCS stamping in the build info only)"),
                env.explanation().toString());
        assertTrue(env.ignored().isEmpty(), env.ignored().toString());
    }

    @Test
    void goEnvFileGoflagsKeepTheHarmlessAndDropTheRestWithVendor() throws Exception {
        Files.createDirectories(dir.resolve("vendor"));
        BuildEnvironment env = withGoEnvFile(Map.of("PATH", "/usr/bin"), Map.of("GOFLAGS", "-buildvcs=false -tags=evil -mod=mod"));
        assertEquals("-buildvcs=false -mod=vendor", env.variables().get("GOFLAGS"));
        assertEquals(Map.of("GOFLAGS (go env file)", "-tags=evil -mod=mod"), env.ignored());
        assertTrue(env.explanation().contains("GOFLAGS from the go env file: -tags=evil dropped (changes the binary: <tags> decides)"),
                env.explanation().toString());
    }

    @Test
    void environmentGoflagsWinOverTheGoEnvFileAsInGo() throws Exception {
        BuildEnvironment env = withGoEnvFile(Map.of("PATH", "/usr/bin", "GOFLAGS", "-modcacherw"), Map.of("GOFLAGS", "-buildvcs=false"));
        assertEquals("-modcacherw", env.variables().get("GOFLAGS"));
        assertEquals("-buildvcs=false", env.ignored().get("GOFLAGS (go env file)"), "go would not read it either");
    }

    @Test
    void inheritingKeepsWhatTheTargetDoesNotDecide() throws Exception {
        BuildEnvironment env = compute(poisoned(), true, Target.parse("linux/amd64"));
        assertEquals("amd64", env.variables().get("GOARCH"), "the target still decides GOARCH");
        assertEquals("linux", env.variables().get("GOOS"));
        assertEquals("-L/opt/arm64/lib", env.variables().get("CGO_LDFLAGS"));
        assertEquals("1", env.variables().get("CGO_ENABLED"));
        assertTrue(env.ignored().isEmpty());
    }

    @Test
    void projectCgoFlagsReplaceTheShellsAndAreExplained() throws Exception {
        BuildRequest request = new BuildRequest(dir, List.of(), dir.resolve("go"), dir.resolve("work"), List.of(), null, List.of(), null,
                true, poisoned(), false, Duration.ofMinutes(1), 1, Map.of("CGO_CFLAGS", "-I/project/include", "CGO_LDFLAGS", "-L/project/lib"));
        BuildEnvironment env = BuildEnvironment.compute(request, new Target(HOST, null, true, "gcc"), HOST, CToolchain.DEFAULT);
        assertEquals("-I/project/include", env.variables().get("CGO_CFLAGS"));
        assertEquals("-L/project/lib", env.variables().get("CGO_LDFLAGS"), "the shell's -L/opt/arm64/lib is gone");
        assertTrue(env.explanation().contains("CGO_CFLAGS=-I/project/include (<cgoFlags> in the pom)"), env.explanation().toString());
    }

    @Test
    void cgoFlagsNameOnlyCgoFlagVariables() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new BuildRequest(dir, List.of(), dir.resolve("go"), dir.resolve("work"), List.of(), null, List.of(), null,
                        true, Map.of(), false, Duration.ofMinutes(1), 1, Map.of("CFLAGS", "-O2")));
        assertTrue(e.getMessage().contains("<cgoFlags> names CFLAGS; it takes CGO_CFLAGS, CGO_CPPFLAGS"), e.getMessage());
    }
}
