package io.gohygiene.report;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.ColumnData;
import com.github.freva.asciitable.HorizontalAlign;
import com.github.freva.asciitable.OverflowBehaviour;
import io.gohygiene.finding.Finding;

import java.util.List;

/**
 * Findings as people read them in a build log: one aligned table (check, what, seen, expected, verdict),
 * then, for each warning and failure, what is wrong and what to do.
 */
public final class FindingsTable {

    private static final int WIDE = 46;

    private FindingsTable() {
    }

    /** The table, one string per line. */
    public static List<String> render(List<Finding> findings) {
        List<ColumnData<Finding>> columns = List.of(
                new Column().header("check").dataAlign(HorizontalAlign.LEFT).headerAlign(HorizontalAlign.LEFT).with(Finding::check),
                new Column().header("what").dataAlign(HorizontalAlign.LEFT).headerAlign(HorizontalAlign.LEFT)
                        .maxWidth(24, OverflowBehaviour.NEWLINE).with(Finding::subject),
                new Column().header("seen").dataAlign(HorizontalAlign.LEFT).headerAlign(HorizontalAlign.LEFT)
                        .maxWidth(WIDE, OverflowBehaviour.NEWLINE).with(Finding::seen),
                new Column().header("expected").dataAlign(HorizontalAlign.LEFT).headerAlign(HorizontalAlign.LEFT)
                        .maxWidth(WIDE, OverflowBehaviour.NEWLINE).with(f -> f.expected().isEmpty() ? f.message() : f.expected()),
                new Column().header("verdict").dataAlign(HorizontalAlign.LEFT).headerAlign(HorizontalAlign.LEFT)
                        .with(f -> f.verdict().label()));
        String table = AsciiTable.builder().border(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS).lineSeparator("\n")
                .data(findings, columns).asString();
        return table.lines().toList();
    }

    /** What is wrong and what to do, for one warning or failure: two lines. */
    public static List<String> explain(Finding f) {
        return List.of(f.verdict().label() + " " + f.check() + " (" + f.subject() + "): " + f.message(), "     hint: " + f.hint());
    }
}
