package io.gohygiene.remotecache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the cache program did for one go command, or summed over several (one target builds one go command per
 * package): each run appends one JSON line to the report file the build names, and the build sums them.
 *
 * @param gets         how many entries go asked for
 * @param localHits    found on this machine's disk
 * @param remoteHits   fetched from the server (and verified)
 * @param misses       neither (go built the action)
 * @param rejected     objects the server sent that did not hash to their output ID, or entries that were not ours
 * @param puts         entries go stored
 * @param pushed       entries uploaded to the server
 * @param bytesDown    object bytes fetched from the server
 * @param bytesUp      object bytes uploaded
 * @param network      wall-clock time with at least one request to the server in flight (summed over go commands)
 * @param warnings     distinct problems, each said once (the server unreachable, an HTML page for an object …)
 */
public record RemoteCacheSummary(long gets, long localHits, long remoteHits, long misses, long rejected, long puts,
                                 long pushed, long bytesDown, long bytesUp, Duration network, List<String> warnings) {


    public static final RemoteCacheSummary EMPTY = new RemoteCacheSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO, List.of());

    public RemoteCacheSummary {
        warnings = List.copyOf(warnings);
    }

    /**
     * What the cache program reported in {@code report} for {@code whose} go commands; a report that cannot be read
     * becomes a warning of the summary: the build or test run it describes stands.
     */
    public static RemoteCacheSummary readOrWarn(Path report, String whose) {
        try {
            return read(report);
        } catch (IOException e) {
            return new RemoteCacheSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO,
                    List.of("cannot read the remote cache report " + report + " of " + whose + ": " + e.getMessage()));
        }
    }

    /** The two summed; warnings said once. */
    public RemoteCacheSummary plus(RemoteCacheSummary o) {
        Set<String> both = new LinkedHashSet<>(warnings);
        both.addAll(o.warnings);
        return new RemoteCacheSummary(gets + o.gets, localHits + o.localHits, remoteHits + o.remoteHits, misses + o.misses,
                rejected + o.rejected, puts + o.puts, pushed + o.pushed, bytesDown + o.bytesDown, bytesUp + o.bytesUp,
                network.plus(o.network), new ArrayList<>(both));
    }

    /**
     * {@code warning} without what differs from one object or target to the next (IDs, sizes), so that the build can
     * say each kind of problem once for all its targets.
     */
    public static String shape(String warning) {
        return warning.replaceAll("[0-9a-f]{16,}", "#").replaceAll("\\d+", "0");
    }

    /** {@code 412 hits (380 from the server), 3 misses, 41.2 MB down, 0 B up, 1.3 s on the network}. */
    public String line() {
        StringBuilder s = new StringBuilder();
        s.append(localHits + remoteHits).append(" hits (").append(remoteHits).append(" from the server), ")
                .append(misses).append(misses == 1 ? " miss" : " misses");
        if (rejected > 0) {
            s.append(", ").append(rejected).append(" rejected");
        }
        s.append(", ").append(bytes(bytesDown)).append(" down, ").append(bytes(bytesUp)).append(" up");
        if (pushed > 0) {
            s.append(" (").append(pushed).append(" pushed)");
        }
        s.append(", ").append(String.format(Locale.ROOT, "%.1f s", network.toMillis() / 1000.0)).append(" on the network");
        return s.toString();
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }

    /** One JSON line, as the cache program appends it to its report. */
    String toJsonLine() throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
            json.writeStartObject();
            json.writeNumberField("gets", gets);
            json.writeNumberField("localHits", localHits);
            json.writeNumberField("remoteHits", remoteHits);
            json.writeNumberField("misses", misses);
            json.writeNumberField("rejected", rejected);
            json.writeNumberField("puts", puts);
            json.writeNumberField("pushed", pushed);
            json.writeNumberField("bytesDown", bytesDown);
            json.writeNumberField("bytesUp", bytesUp);
            json.writeNumberField("networkMillis", network.toMillis());
            json.writeArrayFieldStart("warnings");
            for (String w : warnings) {
                json.writeString(w);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return text + "\n";
    }

    /** The sum of every line of {@code report}; {@link #EMPTY} when there is no report (go never started the program). */
    public static RemoteCacheSummary read(Path report) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(report, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return EMPTY;
        }
        RemoteCacheSummary sum = EMPTY;
        for (String line : lines) {
            if (!line.isBlank()) {
                sum = sum.plus(parse(line, report));
            }
        }
        return sum;
    }

    private static RemoteCacheSummary parse(String line, Path report) throws IOException {
        long[] n = new long[10];
        List<String> warnings = new ArrayList<>();
        List<String> names = List.of("gets", "localHits", "remoteHits", "misses", "rejected", "puts", "pushed", "bytesDown",
                "bytesUp", "networkMillis");
        try (JsonParser json = new JsonFactory().createParser(line)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(report + " holds a line that is not a JSON object: " + line);
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                int i = names.indexOf(field);
                if (i >= 0) {
                    n[i] = json.getLongValue();
                } else if (field.equals("warnings")) {
                    while (json.nextToken() == JsonToken.VALUE_STRING) {
                        warnings.add(json.getText());
                    }
                } else {
                    json.skipChildren();
                }
            }
        }
        return new RemoteCacheSummary(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], Duration.ofMillis(n[9]), warnings);
    }
}
