package io.gohygiene.report;

import java.util.Map;

/** One sentence per verify rule, for reports that describe rules apart from their findings (SARIF's rule list). */
final class RuleDescriptions {

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("target", "The binary's header (architecture, bits, endianness, OS) and its build info's GOOS/GOARCH agree with the target and with each other."),
            Map.entry("loadable", "The operating system can load and start the file: loadable segments, an entry point inside one, an interpreter for a dynamic executable (Mach-O: LC_MAIN and __TEXT; PE: an entry point in a section)."),
            Map.entry("linkage", "The binary is linked statically or dynamically as configured, against the configured C library's interpreter (glibc or musl)."),
            Map.entry("libraries", "Every needed library is allowed; no library or rpath lies under a forbidden path or a build-machine prefix; no libstdc++ on darwin."),
            Map.entry("glibc", "The highest GLIBC_ and GLIBCXX_ versions the binary needs are within the configured ceilings."),
            Map.entry("macos", "The Mach-O minimum macOS (LC_BUILD_VERSION minos) is within the configured ceiling and supported by the Go release that built it."),
            Map.entry("codesign", "darwin/arm64 binaries carry a code signature (Apple Silicon kills unsigned code); the signer, hardened runtime and entitlements are reported."),
            Map.entry("windows", "The PE subsystem and the minimum Windows version it requires are as configured, and the Go release that built it supports that Windows."),
            Map.entry("cgo", "The build info's CGO_ENABLED agrees with the target and with the binary's dynamic dependencies."),
            Map.entry("buildinfo", "A Go binary has readable build info; the Go version is in range; -trimpath and a clean VCS tree are recorded when required; no replace to a local directory in a release build."),
            Map.entry("hardening", "The binary is hardened: PIE, NX, RELRO and BIND_NOW, no unsafe RPATH; DYNAMIC_BASE and NX_COMPAT on Windows."));

    private RuleDescriptions() {
    }

    static String of(String ruleId) {
        return KNOWN.getOrDefault(ruleId, "go-hygiene rule '" + ruleId + "'.");
    }
}
