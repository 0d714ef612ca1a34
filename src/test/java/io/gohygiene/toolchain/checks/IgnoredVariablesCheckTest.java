package io.gohygiene.toolchain.checks;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.toolchain.ToolchainPolicy;
import io.gohygiene.toolchain.Toolchains;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IgnoredVariablesCheckTest {

    @TempDir
    Path dir;

    private List<Finding> check(Map<String, String> env) throws Exception {
        return Toolchains.of(Toolchains.run(Toolchains.cleanEnvironment(dir, env), dir, List.of(), ToolchainPolicy.defaults()),
                IgnoredVariablesCheck.ID);
    }

    @Test
    void ccPerArchitectureIsNotReadByGoBuild() throws Exception {
        Finding f = Toolchains.only(check(Map.of("CC_arm64", "aarch64-linux-gnu-gcc")), "CC_arm64");
        assertEquals(Verdict.WARN, f.verdict());
        assertTrue(f.message().contains("go build does not read CC_arm64; it reads CC"), f.message());
        assertTrue(f.hint().contains("export CC=aarch64-linux-gnu-gcc"), f.hint());
    }

    @Test
    void ccForGoosGoarchIsReadOnlyByMakeBash() throws Exception {
        Finding f = Toolchains.only(check(Map.of("CC_FOR_linux_arm64", "aarch64-linux-gnu-gcc")), "CC_FOR_linux_arm64");
        assertTrue(f.message().contains("make.bash"), f.message());
    }

    @Test
    void misspelledAndRetiredNamesAreCaught() throws Exception {
        List<Finding> rows = check(Map.of("GO_ARCH", "arm64", "GONOSUMCHECK", "1"));
        assertTrue(Toolchains.only(rows, "GO_ARCH").message().contains("did you mean GOARCH?"));
        assertTrue(Toolchains.only(rows, "GONOSUMCHECK").hint().contains("GONOSUMDB"));
    }

    @Test
    void aCleanEnvironmentPasses() throws Exception {
        assertEquals(Verdict.PASS, check(Map.of()).get(0).verdict());
    }

    @Test
    void aMisspelledProxyWithAPasswordIsNamedWithoutIt() throws Exception {
        Finding f = Toolchains.only(check(Map.of("GO_PROXY", "https://ci:PROXYPASS@goproxy.invalid")), "GO_PROXY");
        assertTrue(f.toString().contains("GO_PROXY=https://ci:***@goproxy.invalid"), f.toString());
        assertTrue(!f.toString().contains("PROXYPASS"), f.toString());
    }
}
