package io.gohygiene.rules;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** issue 15.3: one unreadable file among many is a failure of its own, and every other file is still checked. */
class VerifyRunTest {

    @TempDir
    Path project;

    @Test
    void everyFileIsCheckedAndEachUnreadableOneFailsByName() throws Exception {
        Path good = Files.copy(GoBinaries.build("linux", "amd64"), project.resolve("good"));
        Path truncated = project.resolve("truncated");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(good), 100));
        Path text = Files.writeString(project.resolve("notes.txt"), "not a binary\n");
        Path dir = Files.createDirectories(project.resolve("a-directory"));
        Path good2 = Files.copy(good, project.resolve("good2"));
        Target linux = Target.parse("linux/amd64");
        List<BinaryToVerify> inputs = new ArrayList<>();
        for (Path p : List.of(truncated, good, project.resolve("missing"), text, dir, good2)) {
            inputs.add(new BinaryToVerify(p, linux, true));
        }
        BinaryVerifier verifier = new BinaryVerifier(RuleCatalog.all(), VerifyPolicy.of(RuleSettings.none()));

        List<BinaryVerifier.Verification> results = VerifyRun.verifyAll(verifier, inputs, project);

        assertEquals(List.of("truncated", "good", "missing", "notes.txt", "a-directory", "good2"),
                results.stream().map(v -> v.shownAs().toString()).toList());
        for (int i : new int[] {0, 2, 3, 4}) {
            Finding f = results.get(i).findings().get(0);
            assertEquals(VerifyRun.READABLE, f.check());
            assertEquals(Verdict.FAIL, f.verdict());
            assertTrue(f.message().startsWith("cannot verify " + results.get(i).shownAs() + ": "), f.message());
        }
        assertTrue(results.get(2).findings().get(0).message().contains("does not exist"));
        assertTrue(results.get(4).findings().get(0).message().contains("is a directory"));
        assertNotNull(results.get(1).report());
        assertNotNull(results.get(5).report());
        assertTrue(results.get(1).findings().stream().noneMatch(f -> f.check().equals(VerifyRun.READABLE)));
    }
}
