package io.gohygiene.maven;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.report.FindingsTable;
import org.apache.maven.plugin.logging.Log;

import java.util.List;

/**
 * The findings of a goal in Maven's log: with details the whole table, then each problem with its hint at the level
 * it deserves; without, only the problems (a passing check is in the reports, not in every build's log).
 */
final class FindingsLog {

    private FindingsLog() {
    }

    static void table(Log log, List<Finding> findings, boolean details) {
        if (details) {
            FindingsTable.render(findings).forEach(log::info);
        } else if (log.isDebugEnabled()) {
            FindingsTable.render(findings).forEach(log::debug);
        }
        problems(log, findings);
    }

    static void problems(Log log, List<Finding> findings) {
        for (Finding f : findings) {
            if (f.verdict() == Verdict.FAIL) {
                FindingsTable.explain(f).forEach(log::error);
            } else if (f.verdict() == Verdict.WARN || f.verdict() == Verdict.WAIVED) {
                FindingsTable.explain(f).forEach(log::warn);
            }
        }
    }
}
