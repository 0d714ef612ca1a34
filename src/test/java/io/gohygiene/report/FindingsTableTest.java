package io.gohygiene.report;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindingsTableTest {

    private static final List<Finding> FINDINGS = List.of(
            Finding.pass("goVersion", "installed go", "go1.26.8", "[1.22,)"),
            Finding.problem("inheritedEnvironment", "GOARCH", "GOARCH=arm64 (environment)", "targets: linux/amd64", Verdict.FAIL,
                    "GOARCH=arm64 makes go build for arm64", "unset GOARCH"));

    @Test
    void rendersOneAlignedRowPerFindingUnderAHeader() {
        List<String> lines = FindingsTable.render(FINDINGS);
        assertTrue(lines.get(1).matches("\\| check +\\| what +\\| seen +\\| expected +\\| verdict \\|"), lines.get(1));
        assertEquals(1, lines.stream().filter(l -> l.contains("| go1.26.8") && l.endsWith("| ok      |")).count(), String.join("\n", lines));
        assertEquals(1, lines.stream().filter(l -> l.contains("GOARCH=arm64 (environment)") && l.endsWith("| FAIL    |")).count());
        assertEquals(1, lines.stream().map(String::length).distinct().count(), "every line has the same width");
    }

    @Test
    void explainsAProblemWithItsHint() {
        assertEquals(List.of("FAIL inheritedEnvironment (GOARCH): GOARCH=arm64 makes go build for arm64", "     hint: unset GOARCH"),
                FindingsTable.explain(FINDINGS.get(1)));
    }

    @Test
    void aProblemWithoutAHintCannotBeReported() {
        assertThrows(IllegalArgumentException.class,
                () -> Finding.problem("x", "y", "seen", "expected", Verdict.WARN, "something is wrong", ""));
    }
}
