package io.gohygiene.gobuild;

import io.gohygiene.platform.Target;
import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build-&lt;key&gt;.env and .sh of a real build: no credential on disk, and the script still re-runs the build. */
class RerunFilesTest {

    /** What CI injects: a token, a cloud key, a proxy and a GOPROXY with passwords, a webhook, and an unrelated variable. */
    private static final Map<String, String> SECRETS = Map.of(
            "GITHUB_TOKEN", "ghp_TOKENVALUE1234",
            "AWS_SECRET_ACCESS_KEY", "AWSSECRETVALUE5678",
            "HTTPS_PROXY", "http://proxyuser:PROXYPASS9@127.0.0.1:9",
            "GOPROXY", "https://gouser:GOPROXYPASS0@goproxy.invalid,direct",
            "DEPLOY_WEBHOOK", "https://hooks.invalid/services/WEBHOOKPATH");

    private static final List<String> SECRET_PARTS = List.of("ghp_TOKENVALUE1234", "AWSSECRETVALUE5678", "PROXYPASS9",
            "GOPROXYPASS0", "WEBHOOKPATH", "NOTEVALUE");

    @TempDir
    Path dir;

    @Test
    void neitherFileHoldsACredentialAndTheScriptTakesThemFromTheCallingShell() throws Exception {
        Path module = BuildTestSupport.copyProgram("tiny", dir);
        Map<String, String> env = new TreeMap<>(System.getenv());
        env.putAll(SECRETS);
        env.put("CI_NOTE", "unrelated-NOTEVALUE");
        BuildRequest request = BuildTestSupport.request(module, dir, env, null);
        Target target = Target.parse("linux/amd64");

        BuildResult result = GoBuild.build(BuildTestSupport.go(), request, target, null);

        assertEquals("ghp_TOKENVALUE1234", result.environment().get("GITHUB_TOKEN"), "go itself still gets the token");
        Path envFile = dir.resolve("target/go-hygiene/build-linux_amd64.env");
        Path script = dir.resolve("target/go-hygiene/build-linux_amd64.sh");
        String envText = Files.readString(envFile);
        String scriptText = Files.readString(script);
        for (String secret : SECRET_PARTS) {
            assertFalse(envText.contains(secret), secret + " in " + envText);
            assertFalse(scriptText.contains(secret), secret + " in " + scriptText);
        }
        List<String> lines = Files.readAllLines(envFile);
        for (String expected : List.of("GITHUB_TOKEN=<masked>", "AWS_SECRET_ACCESS_KEY=<masked>", "DEPLOY_WEBHOOK=<masked>",
                "HTTPS_PROXY=http://proxyuser:***@127.0.0.1:9", "GOPROXY=https://gouser:***@goproxy.invalid,direct",
                "CI_NOTE=<passed through>", "GOOS=linux", "GOARCH=amd64", "PATH=" + env.get("PATH"))) {
            assertTrue(lines.contains(expected), expected + " in " + lines);
        }
        assertTrue(scriptText.contains(" ${GITHUB_TOKEN+\"GITHUB_TOKEN=$GITHUB_TOKEN\"}"), scriptText);

        // Go sees the calling shell's credentials; a variable the calling shell lacks stays unset.
        String printenv = scriptText.replace("'" + BuildTestSupport.go() + "' 'build'",
                "'sh' '-c' 'printf \"%s|%s|%s\\n\" \"$GITHUB_TOKEN\" \"$HTTPS_PROXY\" \"${CI_NOTE-unset}\"' #");
        Path probe = Files.writeString(dir.resolve("probe.sh"), printenv);
        ProcessResult seen = new ProcessRunner().run(new CommandLine(List.of("sh", probe.toString()),
                Map.of("PATH", "/usr/bin:/bin", "GITHUB_TOKEN", "from-shell", "HTTPS_PROXY", "http://u:p@h:1"),
                dir, Duration.ofMinutes(1)));
        assertEquals("from-shell|http://u:p@h:1|unset", seen.stdout().strip(), seen.diagnostics());
    }

    @Test
    void theScriptRebuildsTheSameBinaryWithTheSecretsSetInTheCallingShell() throws Exception {
        Path module = BuildTestSupport.copyProgram("tiny", dir);
        Map<String, String> env = new TreeMap<>(BuildTestSupport.poisonedEnvironment());
        env.putAll(SECRETS);
        BuildRequest request = BuildTestSupport.request(module, dir, env, null);
        BuildResult result = GoBuild.build(BuildTestSupport.go(), request, Target.parse("linux/arm64"), null);
        Path binary = result.outputs().get(0);
        byte[] built = Files.readAllBytes(binary);
        Files.delete(binary);

        Map<String, String> shell = new TreeMap<>(SECRETS);
        shell.put("PATH", "/usr/bin:/bin");
        ProcessResult rerun = new ProcessRunner().run(new CommandLine(
                List.of("sh", dir.resolve("target/go-hygiene/build-linux_arm64.sh").toString()), shell, dir, Duration.ofMinutes(5)));

        assertEquals(0, rerun.exitCode(), rerun.diagnostics());
        assertArrayEquals(built, Files.readAllBytes(binary), "the script must rebuild the same bytes");
    }

    @Test
    void theExplanationAndTheIgnoredVariablesAreMaskedToo() throws Exception {
        Path module = BuildTestSupport.copyProgram("tiny", dir);
        Map<String, String> env = new TreeMap<>(System.getenv());
        env.put("CGO_LDFLAGS", "-L/opt/lib -Wl,--note=https://ci:LDFLAGSPASS@artifacts.invalid");
        BuildRequest request = new BuildRequest(module, List.of(), dir.resolve("target/go"), dir.resolve("target/go-hygiene"),
                List.of(), null, List.of(), null, true, env, false, Duration.ofMinutes(10), 1, Map.of(), null,
                Map.of("GOPROXY", "https://envfile:ENVFILEPASS@goproxy.invalid", "GOAUTH", "bearer ENVFILEAUTH"));

        GoBuild.build(BuildTestSupport.go(), request, Target.parse("linux/amd64"), null);

        String scriptText = Files.readString(dir.resolve("target/go-hygiene/build-linux_amd64.sh"));
        String envText = Files.readString(dir.resolve("target/go-hygiene/build-linux_amd64.env"));
        for (String secret : List.of("LDFLAGSPASS", "ENVFILEPASS", "ENVFILEAUTH")) {
            assertFalse(scriptText.contains(secret), secret + " in " + scriptText);
            assertFalse(envText.contains(secret), secret + " in " + envText);
        }
        assertTrue(scriptText.contains("#   GOPROXY=https://envfile:***@goproxy.invalid (from the go env file)"), scriptText);
        assertTrue(scriptText.contains("#   GOAUTH=<masked> (from the go env file)"), scriptText);
        assertTrue(scriptText.contains("#   not used: CGO_LDFLAGS=-L/opt/lib -Wl,--note=https://ci:***@artifacts.invalid"), scriptText);
    }
}
