package io.gohygiene.process;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides what of an environment value or a URL may be printed or written: CI systems keep logs
 * and archive {@code target/}, so a credential must never reach either. A variable whose name looks like a credential
 * ({@code GITHUB_TOKEN}, {@code AWS_SECRET_ACCESS_KEY}, {@code NPM_PASSWORD} …) shows as {@value #MASK}; in any other
 * value, the user info of a URL ({@code http://user:pass@proxy}) shows as {@code http://user:***@proxy}.
 */
public final class SecretMasking {

    /** What a credential's value is written as. */
    public static final String MASK = "<masked>";

    /** Name parts that mark a credential wherever they appear in the name (upper case). */
    private static final List<String> CREDENTIAL_PARTS = List.of("TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASSPHRASE",
            "CREDENTIAL", "AUTH", "APIKEY", "API_KEY", "PRIVATE_KEY", "_KEY_", "COOKIE", "WEBHOOK");

    /** Name endings that mark a credential ({@code DEPLOY_KEY}, {@code DB_PWD}, {@code GH_PAT}, {@code SENTRY_DSN}). */
    private static final List<String> CREDENTIAL_ENDINGS = List.of("_KEY", "_PWD", "_PASS", "_PAT", "_DSN");

    /** Name beginnings of cloud credentials and their settings: the whole family is masked. */
    private static final List<String> CREDENTIAL_PREFIXES = List.of("AWS_", "AZURE_", "ARM_CLIENT_");

    // scheme://userinfo@ — the user info ends at the last @ before the authority ends (/ ? # , | or white space).
    private static final Pattern URL_USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/?#\\s,|]*)@");

    private SecretMasking() {
    }

    /** True when {@code name} looks like a variable that holds a credential. */
    public static boolean isCredentialName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return CREDENTIAL_PARTS.stream().anyMatch(upper::contains)
                || CREDENTIAL_ENDINGS.stream().anyMatch(upper::endsWith)
                || CREDENTIAL_PREFIXES.stream().anyMatch(upper::startsWith);
    }

    /** {@code value} of variable {@code name} as it may be shown: {@value #MASK} for a credential, else {@link #urls}. */
    public static String value(String name, String value) {
        if (value == null) {
            return null;
        }
        return isCredentialName(name) ? MASK : urls(value);
    }

    /** True when {@link #value} hides something of {@code value}: it may not be written as it is. */
    public static boolean hidesSomething(String name, String value) {
        return value != null && !value.equals(value(name, value));
    }

    /**
     * {@code text} with the user info of every URL in it masked: {@code http://user:pass@host} becomes
     * {@code http://user:***@host}, and {@code https://token@host} (a token as user name) becomes {@code https://***@host}.
     */
    public static String urls(String text) {
        if (text == null || !text.contains("@")) {
            return text;
        }
        Matcher m = URL_USER_INFO.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String userInfo = m.group(2);
            int colon = userInfo.indexOf(':');
            String masked = colon >= 0 ? userInfo.substring(0, colon) + ":***" : "***";
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + masked + "@"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
