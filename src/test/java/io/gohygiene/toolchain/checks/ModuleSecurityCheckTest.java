package io.gohygiene.toolchain.checks;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.toolchain.ToolchainPolicy;
import io.gohygiene.toolchain.Toolchains;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings as the real go reports them through go env -json. */
class ModuleSecurityCheckTest {

    @TempDir
    Path dir;

    private List<Finding> check(Map<String, String> env) throws Exception {
        return Toolchains.of(Toolchains.run(Toolchains.cleanEnvironment(dir, env), dir, List.of(), ToolchainPolicy.defaults()),
                ModuleSecurityCheck.ID);
    }

    @Test
    void defaultsPass() throws Exception {
        check(Map.of()).forEach(f -> assertEquals(Verdict.PASS, f.verdict(), f.toString()));
    }

    @Test
    void sumdbOffFails() throws Exception {
        Finding f = Toolchains.only(check(Map.of("GOSUMDB", "off")), "GOSUMDB");
        assertEquals(Verdict.FAIL, f.verdict());
        assertTrue(f.hint().contains("GOPRIVATE"), f.hint());
    }

    @Test
    void theArticlesInsecureSumdbFormIsNotGo() throws Exception {
        Finding f = Toolchains.only(check(Map.of("GOSUMDB", "sum.golang.org+insecure")), "GOSUMDB");
        assertEquals(Verdict.FAIL, f.verdict());
        assertTrue(f.message().contains("not a valid checksum database"), f.message());
    }

    @Test
    void aSumdbWithItsPublicKeyPasses() throws Exception {
        Finding f = Toolchains.only(check(Map.of("GOSUMDB", "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ep6lr6o+2sNmV4f1JM")), "GOSUMDB");
        assertEquals(Verdict.PASS, f.verdict());
    }

    @Test
    void insecureHostsAndSumdbExclusionsWarn() throws Exception {
        List<Finding> rows = check(Map.of("GOINSECURE", "example.com", "GONOSUMDB", "github.com/acme/*"));
        assertEquals(Verdict.WARN, Toolchains.only(rows, "GOINSECURE").verdict());
        assertEquals(Verdict.WARN, Toolchains.only(rows, "GONOSUMDB").verdict());
    }

    @Test
    void goflagsInsecureFails() throws Exception {
        assertEquals(Verdict.FAIL, Toolchains.only(check(Map.of("GOFLAGS", "-insecure")), "GOFLAGS").verdict());
    }

    @Test
    void modModWithAVendorDirectoryWarns() throws Exception {
        Files.createDirectories(dir.resolve("vendor"));
        Finding f = Toolchains.only(check(Map.of("GOFLAGS", "-mod=mod")), "GOFLAGS");
        assertEquals(Verdict.WARN, f.verdict());
        assertTrue(f.message().contains("ignore the vendor/ directory"), f.message());
    }

    @Test
    void proxyDirectWarns() throws Exception {
        assertEquals(Verdict.WARN, Toolchains.only(check(Map.of("GOPROXY", "direct")), "GOPROXY").verdict());
    }

    @Test
    void aProxyPasswordIsNotInTheFinding() throws Exception {
        Finding f = Toolchains.only(check(Map.of("GOPROXY", "https://ci:PROXYPASS@goproxy.invalid,direct")), "GOPROXY");
        assertEquals(Verdict.PASS, f.verdict());
        assertTrue(f.toString().contains("https://ci:***@goproxy.invalid,direct"), f.toString());
        assertTrue(!f.toString().contains("PROXYPASS"), f.toString());
    }
}
