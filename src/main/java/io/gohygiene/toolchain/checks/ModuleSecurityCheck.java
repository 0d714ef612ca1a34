package io.gohygiene.toolchain.checks;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.process.SecretMasking;
import io.gohygiene.toolchain.GoSettings;
import io.gohygiene.toolchain.ToolchainCheck;
import io.gohygiene.toolchain.ToolchainContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings that switch off module verification or transport security (GOSUMDB=off, GOINSECURE, GONOSUMDB,
 * GOFLAGS=-insecure), GOPROXY without a proxy, and GOFLAGS=-mod=mod that makes builds ignore vendor/.
 */
public final class ModuleSecurityCheck implements ToolchainCheck {

    public static final String ID = "moduleSecurity";

    /** GOSUMDB is {@code name}, {@code name+key} (key = 8 hex digits of hash + base64) or either followed by a URL. */
    private static final Pattern GOSUMDB_FORM = Pattern.compile("[A-Za-z0-9.\\-]+(\\+[0-9a-f]{8}\\+[A-Za-z0-9+/=]+)?(\\s+\\S+)?");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(ToolchainContext ctx) {
        List<Finding> findings = new ArrayList<>();
        String sumdb = ctx.go().env("GOSUMDB").orElse("");
        if (sumdb.equals("off")) {
            findings.add(Finding.problem(ID, "GOSUMDB", "GOSUMDB=off", "sum.golang.org (or your own)", Verdict.FAIL,
                    "checksum database verification is off: a module changed upstream (or in transit) goes unnoticed",
                    "unset GOSUMDB; for private modules set GOPRIVATE=your.host/* instead, which skips only those"));
        } else if (!sumdb.isEmpty() && !GOSUMDB_FORM.matcher(sumdb).matches()) {
            findings.add(Finding.problem(ID, "GOSUMDB", "GOSUMDB=" + sumdb, "name[+key] [url]", Verdict.FAIL,
                    "GOSUMDB=" + sumdb + " is not a valid checksum database ('+insecure' is not a Go form): module downloads fail",
                    "unset GOSUMDB (default sum.golang.org), or set name+key as your sumdb operator publishes it"));
        } else {
            findings.add(Finding.pass(ID, "GOSUMDB", "GOSUMDB=" + (sumdb.isEmpty() ? "(default)" : sumdb), "verification on"));
        }

        ctx.go().env("GOINSECURE").ifPresent(v -> findings.add(Finding.problem(ID, "GOINSECURE", "GOINSECURE=" + v, "empty", Verdict.WARN,
                "modules matching " + v + " are fetched without TLS and without checksum verification",
                "serve those modules over HTTPS and unset GOINSECURE")));
        ctx.go().env("GONOSUMDB").ifPresent(v -> {
            boolean coveredByPrivate = ctx.go().env("GOPRIVATE").filter(v::equals).isPresent();
            if (!coveredByPrivate) {
                findings.add(Finding.problem(ID, "GONOSUMDB", "GONOSUMDB=" + v, "only private module paths", Verdict.WARN,
                        "modules matching " + v + " skip the checksum database",
                        "list only private module paths; GOPRIVATE does that and also keeps them off the public proxy"));
            }
        });

        // From where it is set: the go probe runs without the environment's GOFLAGS (the build decides them).
        Optional<String> goflags = ctx.settings().nonEmpty("GOFLAGS").map(GoSettings.Setting::value);
        List<String> flags = goflags.map(f -> Arrays.asList(f.trim().split("\\s+"))).orElse(List.of());
        if (flags.stream().anyMatch(f -> f.equals("-insecure") || f.startsWith("-insecure="))) {
            findings.add(Finding.problem(ID, "GOFLAGS", "GOFLAGS=" + goflags.get(), "no -insecure", Verdict.FAIL,
                    "GOFLAGS carries -insecure: modules may be fetched over plain HTTP without verification",
                    "remove -insecure from GOFLAGS; use GOINSECURE for a specific host if you really must"));
        }
        boolean vendored = ctx.probe().isDirectory(ctx.moduleDirectory().resolve("vendor"));
        if (vendored && flags.contains("-mod=mod")) {
            findings.add(Finding.problem(ID, "GOFLAGS", "GOFLAGS=" + goflags.get() + " with vendor/", "-mod=vendor (Go's default)", Verdict.WARN,
                    "GOFLAGS=-mod=mod makes go ignore the vendor/ directory and fetch modules instead",
                    "remove -mod=mod from GOFLAGS so vendor/ is what builds"));
        }

        String proxy = ctx.go().env("GOPROXY").orElse("");
        String shownProxy = SecretMasking.urls(proxy);
        if (proxy.equals("direct") || proxy.equals("off")) {
            findings.add(Finding.problem(ID, "GOPROXY", "GOPROXY=" + proxy, "a module proxy", Verdict.WARN,
                    proxy.equals("off") ? "GOPROXY=off: any module not in the cache fails to download"
                            : "GOPROXY=direct: modules come straight from their VCS hosts, with no proxy cache to keep removed versions",
                    "set GOPROXY=https://proxy.golang.org,direct (or your company proxy)"));
        } else {
            findings.add(Finding.pass(ID, "GOPROXY", "GOPROXY=" + shownProxy, "a module proxy"));
        }
        return findings;
    }
}
