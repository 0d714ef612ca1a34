package io.gohygiene.remotecache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes responses to the go command (cmd/go/internal/cacheprog.Response), one JSON object per line. Requests are
 * answered from several threads and in any order (go matches them by ID), so each response is written whole under a
 * lock and flushed at once: go waits for it.
 */
final class ProtocolOutput {

    private final JsonFactory json = new JsonFactory();

    private final OutputStream out;

    ProtocolOutput(OutputStream out) {
        this.out = out;
    }

    /** The first message: ID 0 and the commands this program answers. */
    void capabilities(List<String> commands) throws IOException {
        write(json -> {
            json.writeNumberField("ID", 0);
            json.writeArrayFieldStart("KnownCommands");
            for (String command : commands) {
                json.writeString(command);
            }
            json.writeEndArray();
        });
    }

    void hit(long id, byte[] outputId, long size, Instant time, Path diskPath) throws IOException {
        write(json -> {
            json.writeNumberField("ID", id);
            json.writeBinaryField("OutputID", outputId);
            if (size > 0) {
                json.writeNumberField("Size", size);
            }
            if (time != null) {
                // RFC 3339 with fractional seconds: what Go's time.Time decodes.
                json.writeStringField("Time", time.toString());
            }
            json.writeStringField("DiskPath", diskPath.toAbsolutePath().toString());
        });
    }

    void miss(long id) throws IOException {
        write(json -> {
            json.writeNumberField("ID", id);
            json.writeBooleanField("Miss", true);
        });
    }

    void stored(long id, Path diskPath) throws IOException {
        write(json -> {
            json.writeNumberField("ID", id);
            json.writeStringField("DiskPath", diskPath.toAbsolutePath().toString());
        });
    }

    void done(long id) throws IOException {
        write(json -> json.writeNumberField("ID", id));
    }

    void error(long id, String message) throws IOException {
        write(json -> {
            json.writeNumberField("ID", id);
            json.writeStringField("Err", message);
        });
    }

    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    private void write(Fields fields) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator json = this.json.createGenerator(bytes)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        }
        bytes.write('\n');
        synchronized (out) {
            bytes.writeTo(out);
            out.flush();
        }
    }
}
