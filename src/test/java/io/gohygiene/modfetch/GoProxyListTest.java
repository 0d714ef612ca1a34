package io.gohygiene.modfetch;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GOPROXY read as cmd/go's proxyList reads it (modfetch/proxy.go). */
class GoProxyListTest {

    @Test
    void unsetMeansGosDefault() {
        GoProxyList list = GoProxyList.parse("");
        assertEquals(List.of(new GoProxyList.Entry(GoProxyList.Kind.PROXY, URI.create("https://proxy.golang.org"), false),
                new GoProxyList.Entry(GoProxyList.Kind.DIRECT, null, false)), list.entries());
    }

    @Test
    void separatorsDecideFallbackAndKeywordsEndTheList() {
        GoProxyList list = GoProxyList.parse("https://a.example|goproxy.example/x,off,https://never.example");
        assertEquals(3, list.entries().size());
        assertTrue(list.entries().get(0).fallBackOnError(), "'|' after an entry: any error falls back");
        assertFalse(list.entries().get(1).fallBackOnError(), "',' after an entry: only 404/410 fall back");
        assertEquals(URI.create("https://goproxy.example/x"), list.entries().get(1).url(), "no scheme: https is assumed");
        assertEquals(GoProxyList.Kind.OFF, list.entries().get(2).kind());
        assertEquals(2, list.proxies().size());
    }

    @Test
    void aFileUrlIsAProxy() {
        assertEquals(URI.create("file:///srv/goproxy"), GoProxyList.parse("file:///srv/goproxy").proxies().get(0).url());
    }

    @Test
    void badEntriesAreOneClearErrorWithoutTheirSecrets() {
        IllegalArgumentException scheme = assertThrows(IllegalArgumentException.class, () -> GoProxyList.parse("ftp://user:s3cret@mirror.example"));
        assertEquals("GOPROXY 'ftp://user:***@mirror.example': 'ftp://user:***@mirror.example' must be an https, http or file URL, or off or direct",
                scheme.getMessage());
        assertFalse(scheme.getMessage().contains("s3cret"));
        assertEquals("GOPROXY ' , ' contains no entries; unset it for Go's default (https://proxy.golang.org,direct) or name a module proxy",
                assertThrows(IllegalArgumentException.class, () -> GoProxyList.parse(" , ")).getMessage());
    }

    @Test
    void aTokenInAUrlIsNeverShown() {
        GoProxyList list = GoProxyList.parse("https://ci:t0ken@goproxy.corp.example,direct");
        assertEquals("https://ci:***@goproxy.corp.example,direct", list.shownSetting());
        assertEquals("https://ci:***@goproxy.corp.example", list.entries().get(0).toString());
        assertFalse(list.toString().contains("t0ken"), list.toString());
    }
}
