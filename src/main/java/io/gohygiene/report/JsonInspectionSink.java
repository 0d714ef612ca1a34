package io.gohygiene.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReport;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The JSON report, streamed: one object per file (a report, or the file with its error), written as soon as the
 * file is read, so a directory of thousands of binaries needs the memory of one. One named file is one object;
 * anything else is an array.
 */
final class JsonInspectionSink implements InspectionSink {

    private final JsonGenerator json;
    private final OutputStream out;
    private final boolean array;

    JsonInspectionSink(OutputStream out, boolean singleFile) throws IOException {
        this.out = out;
        this.json = InspectionJson.generator(out);
        this.array = !singleFile;
        if (array) {
            json.writeStartArray();
        }
    }

    @Override
    public void report(BinaryReport report) throws IOException {
        json.writeTree(InspectionJson.tree(report));
        json.flush();
    }

    @Override
    public void error(BinaryFormatException error, boolean notExecutable) throws IOException {
        json.writeTree(InspectionJson.error(error));
        json.flush();
    }

    @Override
    public void close() throws IOException {
        if (array) {
            json.writeEndArray();
        }
        json.close();
        out.write('\n');
        out.flush();
    }
}
