package io.gohygiene.modfetch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The live sum.golang.org through https://proxy.golang.org, with Go as the oracle: the verified h1 of each recorded
 * version is the {@code Sum} that {@code go mod download -json} reports (Go downloads into the shared test module
 * cache ~/.cache/go-hygiene/test-modcache, once per machine). Skipped with a message without network or go.
 */
class SumDbLiveTest {

    private static final Path TEST_MODCACHE = Path.of(System.getProperty("user.home"), ".cache", "go-hygiene", "test-modcache");
    private static final Pattern SUM = Pattern.compile("\"Sum\": \"(h1:[^\"]+)\"");

    @TempDir
    Path goModCache;

    @Test
    void theLiveDatabaseGivesTheSumGoReports() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        boolean online;
        try {
            online = ProxySumDbTransport.supported(SumDbRecordings.PROXY, "sum.golang.org", http, Duration.ofSeconds(20));
        } catch (IOException e) {
            online = false;
        }
        assumeTrue(online, "skipped: " + SumDbRecordings.PROXY + "/sumdb/sum.golang.org/supported is not reachable (no network)");

        SumDbClient client = new SumDbClient(SumDbSetting.sumGolangOrg(),
                new ProxySumDbTransport(SumDbRecordings.PROXY, "sum.golang.org", http, Duration.ofSeconds(60), Optional.of(goModCache)));
        for (SumDbRecordings.Version v : SumDbRecordings.VERSIONS) {
            SumDbRecord record = client.lookup(v.path(), v.version());
            assertEquals(goSum(v), record.zipHash(), v.toString());
            assertEquals(v.zipHash(), record.zipHash(), "the recording agrees with the live database: " + v);
            assertEquals(v.goModHash(), record.goModHash(), v.toString());
            assertTrue(Files.isRegularFile(goModCache.resolve("cache/download/sumdb/sum.golang.org").resolve(v.lookupPath())));
        }
    }

    /** {@code go mod download -json} of the version: Go's own verified Sum. */
    private String goSum(SumDbRecordings.Version v) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("go", "mod", "download", "-json", v.path() + "@" + v.version()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(goModCache.toFile()).redirectErrorStream(true);
        builder.environment().put("GOMODCACHE", TEST_MODCACHE.toString());
        builder.environment().put("GOPROXY", SumDbRecordings.PROXY.toString());
        builder.environment().put("GOSUMDB", "sum.golang.org");
        builder.environment().put("GOFLAGS", "-mod=mod");
        builder.environment().put("GOTOOLCHAIN", "local");
        Process go;
        try {
            go = builder.start();
        } catch (IOException e) {
            assumeTrue(false, "skipped: go is not installed, and it is the oracle of this test (" + e.getMessage() + ")");
            throw e;
        }
        String output = new String(go.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, go.waitFor(), String.join(" ", command) + ":\n" + output);
        Matcher sum = SUM.matcher(output);
        assertTrue(sum.find(), output);
        return sum.group(1);
    }
}
