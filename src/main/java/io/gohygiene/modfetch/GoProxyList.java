package io.gohygiene.modfetch;

import io.gohygiene.process.SecretMasking;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * GOPROXY as cmd/go reads it (modfetch/proxy.go): entries separated by {@code ,} (the next entry is tried only when
 * this one says "not found", 404 or 410) or {@code |} (the next is tried after any error); {@code off} ends the list
 * with a hard failure, {@code direct} ends it with the version control systems. An entry with a dot, colon or slash
 * but no {@code ://} is an https URL.
 */
public record GoProxyList(List<Entry> entries, String shownSetting) {

    /** Go's default when GOPROXY is unset. */
    public static final String DEFAULT = "https://proxy.golang.org,direct";

    public enum Kind { PROXY, DIRECT, OFF }

    /** One entry: a proxy URL, or the keyword; {@code fallBackOnError} when it was followed by {@code |}. */
    public record Entry(Kind kind, URI url, boolean fallBackOnError) {
        @Override
        public String toString() {
            return kind == Kind.PROXY ? SecretMasking.urls(url.toString()) : kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public GoProxyList {
        entries = List.copyOf(entries);
    }

    /** Parses a GOPROXY value; an empty value means Go's default. */
    public static GoProxyList parse(String goproxy) {
        String rest = goproxy == null || goproxy.isBlank() ? DEFAULT : goproxy;
        // Only the masked form is kept or printed: a proxy URL may carry a token.
        String setting = SecretMasking.urls(rest);
        List<Entry> entries = new ArrayList<>();
        while (!rest.isEmpty()) {
            int sep = indexOfSeparator(rest);
            String url = (sep < 0 ? rest : rest.substring(0, sep)).strip();
            boolean fallBackOnError = sep >= 0 && rest.charAt(sep) == '|';
            rest = sep < 0 ? "" : rest.substring(sep + 1);
            if (url.isEmpty()) {
                continue;
            }
            if (url.equals("off") || url.equals("direct")) {
                entries.add(new Entry(url.equals("off") ? Kind.OFF : Kind.DIRECT, null, false));
                break; // Go ignores what follows either keyword
            }
            if (containsAny(url, ".:/") && !url.contains(":/") && !url.startsWith("/")) {
                url = "https://" + url;
            }
            entries.add(new Entry(Kind.PROXY, proxyUrl(url, setting), fallBackOnError));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("GOPROXY '" + setting + "' contains no entries; unset it for Go's default ("
                    + DEFAULT + ") or name a module proxy");
        }
        return new GoProxyList(entries, setting);
    }

    /** The proxies in order, without the keywords: where a toolchain can come from. */
    public List<Entry> proxies() {
        return entries.stream().filter(e -> e.kind() == Kind.PROXY).toList();
    }


    private static URI proxyUrl(String url, String setting) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("GOPROXY '" + setting + "': '" + SecretMasking.urls(url) + "' is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        switch (scheme) {
            case "http", "https" -> {
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException("GOPROXY '" + setting + "': '" + SecretMasking.urls(uri.toString()) + "' has no host");
                }
            }
            case "file" -> {
                if (uri.getHost() != null && !uri.getHost().isEmpty() || uri.getQuery() != null || uri.getUserInfo() != null) {
                    throw new IllegalArgumentException("GOPROXY '" + setting + "': a file:// proxy URL has only a path, like file:///srv/goproxy");
                }
            }
            default -> throw new IllegalArgumentException("GOPROXY '" + setting + "': '" + SecretMasking.urls(uri.toString())
                    + "' must be an https, http or file URL, or off or direct");
        }
        return uri;
    }

    private static int indexOfSeparator(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ',' || s.charAt(i) == '|') {
                return i;
            }
        }
        return -1;
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            if (s.indexOf(chars.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
