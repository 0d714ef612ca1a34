package io.gohygiene.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gohygiene.testing.GoOnPath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * govulncheck, the reference for the vulnerabilities rule: installed once into ~/.cache/go-hygiene/bin (v1.9.0 builds
 * with Go 1.26), run in binary mode on a v1 database made from the same OSV files the rule reads (src/test/go/vulndbv1).
 */
final class Govulncheck {

    static final String VERSION = "v1.9.0";
    static final Path BIN = Path.of(System.getProperty("user.home"), ".cache", "go-hygiene", "bin");
    private static final Path CONVERTER = Path.of("src/test/go/vulndbv1").toAbsolutePath();

    /** The OSV ids govulncheck reports for a binary: all of them (module level), and those whose trace names a function (symbol level). */
    record Ids(Set<String> module, Set<String> symbol) {
    }

    private Govulncheck() {
    }

    /** Writes the v1 layout (index/*.json, ID/*.json) of the OSV entries in {@code osvDir} into {@code out}. */
    static Path v1Database(Path osvDir, Path out) throws IOException, InterruptedException {
        ProcessBuilder run = new ProcessBuilder(GoOnPath.executable().toString(), "run", ".", osvDir.toString(), out.toString())
                .directory(CONVERTER.toFile()).redirectErrorStream(true);
        run.environment().put("GOTOOLCHAIN", "local");
        run(run, "vulndbv1");
        return out;
    }

    /** {@code govulncheck -mode=binary -db file://<db> -format json <binary>}, its "finding" messages as ids. */
    static Ids scan(Path binary, Path db) throws IOException, InterruptedException {
        ProcessBuilder scan = new ProcessBuilder(executable().toString(), "-mode=binary", "-db", db.toUri().toString(),
                "-format", "json", binary.toString());
        Process p = scan.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("govulncheck on " + binary + " failed: exit " + p.exitValue());
        }
        Set<String> module = new TreeSet<>();
        Set<String> symbol = new TreeSet<>();
        try (MappingIterator<JsonNode> messages = new ObjectMapper().readerFor(JsonNode.class).readValues(out)) {
            while (messages.hasNext()) {
                JsonNode finding = messages.next().get("finding");
                if (finding == null) {
                    continue;
                }
                String id = finding.get("osv").asText();
                module.add(id);
                JsonNode first = finding.path("trace").path(0);
                if (!first.path("function").asText("").isEmpty()) {
                    symbol.add(id);
                }
            }
        }
        return new Ids(module, symbol);
    }

    static Path executable() throws IOException, InterruptedException {
        Path govulncheck = BIN.resolve("govulncheck");
        if (Files.isExecutable(govulncheck)) {
            return govulncheck;
        }
        ProcessBuilder install = new ProcessBuilder(GoOnPath.executable().toString(), "install", "golang.org/x/vuln/cmd/govulncheck@" + VERSION)
                .redirectErrorStream(true);
        install.environment().put("GOBIN", BIN.toString());
        install.environment().put("GOTOOLCHAIN", "local");
        install.environment().remove("GOFLAGS");
        run(install, "go install govulncheck@" + VERSION);
        return govulncheck;
    }

    private static void run(ProcessBuilder builder, String what) throws IOException, InterruptedException {
        Process p = builder.start();
        String said = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(what + " failed: " + said);
        }
    }
}
