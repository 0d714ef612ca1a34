package io.gohygiene.report;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.Printable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** The text report: each binary as {@link InspectionText} renders it, each other file on one line saying why not. */
final class TextInspectionSink implements InspectionSink {

    private final Writer out;

    TextInspectionSink(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    @Override
    public void report(BinaryReport report) throws IOException {
        for (String line : InspectionText.render(report)) {
            out.write(line);
            out.write('\n');
        }
    }

    @Override
    public void error(BinaryFormatException error, boolean notExecutable) throws IOException {
        out.write(Printable.escape(error.file().toString()) + (notExecutable ? ": skipped, " : ": not inspectable: ") + error.reason()
                + (error.offset() >= 0 ? " (at offset " + error.offset() + ")" : "") + "\n");
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
