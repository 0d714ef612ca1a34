package io.gohygiene.toolchain.checks;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.toolchain.ToolchainPolicy;
import io.gohygiene.toolchain.ToolchainReport;
import io.gohygiene.toolchain.Toolchains;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15.9: the toolchain goal says which directory is wrong and what is missing, with the real go probed. */
class ModuleDirectoryCheckTest {

    @TempDir
    Path dir;

    private Finding check(Path moduleDirectory) throws Exception {
        ToolchainReport report = Toolchains.run(Toolchains.cleanEnvironment(dir, Map.of()), moduleDirectory, List.of(Target.parse("linux/amd64")),
                ToolchainPolicy.defaults());
        List<Finding> rows = Toolchains.of(report, ModuleDirectoryCheck.ID);
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }

    @Test
    void aModuleDirectoryThatDoesNotExistFailsNamingItAndTheSetting() throws Exception {
        Path missing = dir.resolve("no-such-module");
        Finding f = check(missing);
        assertEquals(Verdict.FAIL, f.verdict());
        assertTrue(f.message().startsWith("<moduleDirectory> (go-hygiene.moduleDirectory) " + missing + " does not exist"), f.message());
        assertTrue(f.hint().contains("set <moduleDirectory>"), f.hint());
    }

    @Test
    void aDirectoryWithoutGoModFailsSayingWhatIsMissing() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("project"));
        Finding f = check(empty);
        assertEquals(Verdict.FAIL, f.verdict());
        assertTrue(f.message().startsWith("no go.mod in " + empty + " or any parent"), f.message());
        assertTrue(f.hint().contains("go mod init"), f.hint());
    }

    @Test
    void goModInTheDirectoryOrAParentPassesAsGoFindsIt() throws Exception {
        Path module = Files.createDirectories(dir.resolve("module"));
        Files.writeString(module.resolve("go.mod"), "module example.com/m\n\ngo 1.21\n");
        assertEquals(Verdict.PASS, check(module).verdict());
        Finding sub = check(Files.createDirectories(module.resolve("cmd/app")));
        assertEquals(Verdict.PASS, sub.verdict());
        assertEquals(module.resolve("go.mod").toString(), sub.seen());
    }

    @Test
    void aFileInsteadOfADirectoryFails() throws Exception {
        Path file = Files.writeString(dir.resolve("go.mod.txt"), "");
        assertTrue(check(file).message().contains("is a file, not a directory"));
    }
}
