package io.gohygiene.modfetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * The checksum database a GOSUMDB value names, as cmd/go reads it: {@code sum.golang.org} (the built-in key),
 * {@code name+hash+key}, either followed by the URL to ask instead of {@code https://<name>}, or {@code off}.
 *
 * @param name        the database's name (the key's name), {@code off} when off
 * @param verifierKey the key its tree notes are signed with, {@code name+hash+key}; empty when off
 * @param url         where to ask it, when GOSUMDB gives a URL (otherwise a proxy or {@code https://<name>})
 */
public record SumDbSetting(String name, String verifierKey, Optional<URI> url) {

    private static final String SUM_GOLANG_ORG = "sum.golang.org";
    private static final String SUM_GOLANG_ORG_KEY = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
    private static final String OFF = "off";

    public SumDbSetting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(verifierKey, "verifierKey");
        Objects.requireNonNull(url, "url");
    }

    /** The setting GOSUMDB={@code gosumdb} makes; an IllegalArgumentException saying what is wrong with it. */
    public static SumDbSetting parse(String gosumdb) {
        String value = gosumdb.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("GOSUMDB is empty: set it to sum.golang.org, to a key name+hash+key "
                    + "(optionally followed by the database's URL), or to off");
        }
        if (value.equals(OFF)) {
            return new SumDbSetting(OFF, "", Optional.empty());
        }
        if (value.equals("sum.golang.google.cn")) {
            value = "sum.golang.org https://sum.golang.google.cn"; // cmd/go's alias for the mirror in China
        }
        String[] fields = value.split("\\s+");
        if (fields.length > 2) {
            throw new IllegalArgumentException("GOSUMDB='" + gosumdb + "' has too many fields: it is a key or name, "
                    + "optionally followed by one URL");
        }
        String key = fields[0].equals(SUM_GOLANG_ORG) ? SUM_GOLANG_ORG_KEY : fields[0];
        VerifierKey verifier;
        try {
            verifier = VerifierKey.parse(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("GOSUMDB='" + gosumdb + "' is not usable: " + e.getMessage()
                    + "; the only database known by name is sum.golang.org, any other needs its key name+hash+key", e);
        }
        checkName(verifier.name(), gosumdb);
        return new SumDbSetting(verifier.name(), key, fields.length == 2 ? Optional.of(url(fields[1], gosumdb)) : Optional.empty());
    }

    /** sum.golang.org with its built-in key, the default when GOSUMDB is not set. */
    public static SumDbSetting sumGolangOrg() {
        return new SumDbSetting(SUM_GOLANG_ORG, SUM_GOLANG_ORG_KEY, Optional.empty());
    }

    /** GOSUMDB=off: no database is asked. */
    public boolean isOff() {
        return verifierKey.isEmpty();
    }

    /** The name is also a URL {@code https://<name>} and a cache directory: host[/path], nothing else. */
    private static void checkName(String name, String gosumdb) {
        URI direct;
        try {
            direct = new URI("https://" + name);
        } catch (URISyntaxException e) {
            direct = null;
        }
        if (direct == null || direct.getHost() == null || direct.getRawUserInfo() != null || direct.getRawQuery() != null
                || direct.getRawFragment() != null || name.endsWith("/") || name.contains("..") || name.contains("%")
                || name.contains("\\")) {
            throw new IllegalArgumentException("GOSUMDB='" + gosumdb + "' names the database '" + name
                    + "', which is not host[/path]");
        }
    }

    private static URI url(String text, String gosumdb) {
        try {
            URI url = new URI(text);
            if (("https".equals(url.getScheme()) || "http".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("GOSUMDB='" + gosumdb + "' has the URL '" + text
                + "', which is not an absolute http(s) URL");
    }
}
