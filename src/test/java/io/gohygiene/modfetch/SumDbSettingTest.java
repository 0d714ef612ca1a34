package io.gohygiene.modfetch;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GOSUMDB values as cmd/go reads them (cmd/go/internal/modfetch dbDial, x/mod/sumdb/note.NewVerifier). */
class SumDbSettingTest {

    /** cmd/go/internal/modfetch/key.go. */
    private static final String GO_KEY = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
    /** The example key of x/mod/sumdb/note's documentation. */
    private static final String EXAMPLE_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

    @Test
    void theDefaultIsSumGolangOrgWithGosBuiltInKey() {
        SumDbSetting setting = SumDbSetting.parse("sum.golang.org");
        assertEquals(new SumDbSetting("sum.golang.org", GO_KEY, Optional.empty()), setting);
        assertEquals(setting, SumDbSetting.sumGolangOrg());
        assertFalse(setting.isOff());
    }

    @Test
    void anExplicitKeyNamesTheDatabase() {
        assertEquals(new SumDbSetting("sum.golang.org", GO_KEY, Optional.empty()), SumDbSetting.parse(" " + GO_KEY + "\n"));
        assertEquals(new SumDbSetting("PeterNeumann", EXAMPLE_KEY, Optional.empty()), SumDbSetting.parse(EXAMPLE_KEY));
    }

    @Test
    void aKeyOrNameMayBeFollowedByTheUrlToAsk() {
        assertEquals(new SumDbSetting("sum.golang.org", GO_KEY, Optional.of(URI.create("https://sum.golang.google.cn"))),
                SumDbSetting.parse("sum.golang.google.cn"), "cmd/go's alias");
        assertEquals(new SumDbSetting("sum.golang.org", GO_KEY, Optional.of(URI.create("https://mirror.example.com/sumdb/"))),
                SumDbSetting.parse("sum.golang.org  https://mirror.example.com/sumdb/"));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8080")), SumDbSetting.parse(EXAMPLE_KEY + " http://127.0.0.1:8080").url());
    }

    @Test
    void offAsksNoDatabase() {
        SumDbSetting off = SumDbSetting.parse("off");
        assertTrue(off.isOff());
        assertEquals("off", off.name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SumDbClient(off, path -> new byte[0]));
        assertEquals("GOSUMDB=off names no checksum database to ask", e.getMessage());
    }

    @Test
    void malformedValuesSayWhatIsWrong() {
        assertEquals("GOSUMDB is empty: set it to sum.golang.org, to a key name+hash+key (optionally followed by the database's URL), or to off",
                message(""));
        assertEquals("GOSUMDB='sum.golang.org https://a https://b' has too many fields: it is a key or name, optionally followed by one URL",
                message("sum.golang.org https://a https://b"));
        assertEquals("GOSUMDB='sum.example.com' is not usable: 'sum.example.com' is not a checksum database key (name+hash+key); "
                + "the only database known by name is sum.golang.org, any other needs its key name+hash+key", message("sum.example.com"));
        // The key of the brief this was written from, with one letter wrong: its hash no longer matches.
        assertEquals("GOSUMDB='sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ax18htTTAD8OuAn8' is not usable: "
                        + "'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ax18htTTAD8OuAn8' is not a checksum database key: "
                        + "its hash 033de0ae does not match its name and key (99abdb57); "
                        + "the only database known by name is sum.golang.org, any other needs its key name+hash+key",
                message("sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ax18htTTAD8OuAn8"));
        assertTrue(message("sum.golang.org+033de0ae+AQ==").contains("an Ed25519 key has 32 bytes, not 0"));
        assertTrue(message("sum.golang.org+033de0ae+Ac4z!").contains("the key is not base64"));
        assertTrue(message("sum.golang.org+033de0ae+" + GO_KEY.substring(GO_KEY.lastIndexOf("+033de0ae+") + 10).replaceFirst("^A", "B"))
                .contains("unknown algorithm"));
        assertEquals("GOSUMDB='sum.golang.org ftp://example.com' has the URL 'ftp://example.com', which is not an absolute http(s) URL",
                message("sum.golang.org ftp://example.com"));
        assertEquals("GOSUMDB='sum.golang.org /relative' has the URL '/relative', which is not an absolute http(s) URL",
                message("sum.golang.org /relative"));
    }

    private static String message(String gosumdb) {
        return assertThrows(IllegalArgumentException.class, () -> SumDbSetting.parse(gosumdb)).getMessage();
    }
}
