package io.gohygiene.remotecache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;

/**
 * Reads the go command's requests from the cache program's stdin: one JSON object per line, and after a {@code put}
 * with {@code BodySize > 0} the body as a JSON string of standard base64 (cmd/go/internal/cache/prog.go writes
 * {@code "}, the base64, {@code "\n}). Bodies are large (a linked package archive is megabytes), so they are decoded
 * as they arrive into the caller's stream, never held whole.
 */
final class ProtocolInput {

    private final JsonFactory json = new JsonFactory();

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;

    ProtocolInput(InputStream in) {
        this.in = in;
    }

    /** The next request, or null when go closed our stdin. */
    CacheRequest next() throws IOException {
        byte[] line;
        do {
            line = readLine();
            if (line == null) {
                return null;
            }
        } while (isBlank(line));
        return parse(line);
    }

    CacheRequest parse(byte[] line) throws IOException {
        long id = 0;
        long bodySize = 0;
        String command = null;
        byte[] actionId = null;
        byte[] outputId = null;
        try (JsonParser parser = json.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a request of the go command is not a JSON object: " + preview(line));
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                switch (field) {
                    case "ID" -> id = parser.getLongValue();
                    case "Command" -> command = parser.getText();
                    case "ActionID" -> actionId = Base64.getDecoder().decode(parser.getText());
                    // ObjectID: the name of OutputID in Go 1.21-1.23's experiment.
                    case "OutputID", "ObjectID" -> outputId = Base64.getDecoder().decode(parser.getText());
                    case "BodySize" -> bodySize = parser.getLongValue();
                    default -> parser.skipChildren();
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("a request of the go command holds invalid base64: " + preview(line), e);
        }
        if (command == null) {
            throw new IOException("a request of the go command names no Command: " + preview(line));
        }
        return new CacheRequest(id, command, actionId, outputId, bodySize);
    }

    /**
     * Decodes the body that follows a put into {@code out} and returns its length. The whole body is always consumed,
     * even when {@code out} fails (a full disk): the next request must still be read from where it starts, so the
     * first write failure is rethrown only after the closing quote.
     */
    long readBody(OutputStream out) throws IOException {
        int first = skipWhitespace();
        if (first != '"') {
            throw new IOException("the body of a put does not start with a JSON string (found " + describe(first) + ")");
        }
        Base64.Decoder decoder = Base64.getDecoder();
        byte[] chunk = new byte[48 * 1024];  // base64 characters, a multiple of 4
        byte[] decoded = new byte[chunk.length / 4 * 3];
        int filled = 0;
        long total = 0;
        IOException writeFailure = null;
        while (true) {
            if (position == limit && !fill()) {
                throw new IOException("the go command's stdin ended inside the body of a put");
            }
            byte b = buffer[position++];
            boolean end = b == '"';
            if (!end) {
                chunk[filled++] = b;
            }
            if (filled == chunk.length || end && filled > 0) {
                int n;
                try {
                    n = decoder.decode(filled == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, filled), decoded);
                } catch (IllegalArgumentException e) {
                    throw new IOException("the body of a put is not valid base64", e);
                }
                total += n;
                if (writeFailure == null) {
                    try {
                        out.write(decoded, 0, n);
                    } catch (IOException e) {
                        writeFailure = e;
                    }
                }
                filled = 0;
            }
            if (end) {
                break;
            }
        }
        if (writeFailure != null) {
            throw new BodyNotStoredException(writeFailure);
        }
        return total;
    }

    /** The body was read whole but could not be written where it was going (the disk is full, say). */
    static final class BodyNotStoredException extends IOException {
        BodyNotStoredException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private int skipWhitespace() throws IOException {
        while (true) {
            if (position == limit && !fill()) {
                return -1;
            }
            byte b = buffer[position++];
            if (b != '\n' && b != '\r' && b != ' ' && b != '\t') {
                return b;
            }
        }
    }

    private byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        while (true) {
            if (position == limit && !fill()) {
                return line.size() == 0 ? null : line.toByteArray();
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            line.write(buffer, start, position - start);
            if (position < limit) {
                position++;
                return line.toByteArray();
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String describe(int b) {
        return b < 0 ? "the end of the input" : "'" + (char) b + "'";
    }

    private static String preview(byte[] line) {
        String text = new String(line, 0, Math.min(line.length, 120), java.nio.charset.StandardCharsets.UTF_8);
        return line.length > 120 ? text + "…" : text;
    }
}
