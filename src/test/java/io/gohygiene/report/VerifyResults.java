package io.gohygiene.report;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.rules.BinaryVerification;
import io.gohygiene.rules.VerifyResult;

import java.nio.file.Path;
import java.util.List;

/** A realistic verify result over a project whose path and binaries have spaces, unicode and markup characters. */
final class VerifyResults {

    static final String LINUX_APP = "target/go-hygiene/bin/linux amd64/my app";
    static final String DARWIN_APP = "target/go-hygiene/bin/darwin_arm64/приложение-ü";
    static final String WINDOWS_APP = "target/go-hygiene/bin/windows_amd64/tool.exe";
    static final String GLIBC_MESSAGE = "needs GLIBC_2.34 > 2.28 (__libc_start_main) & \"memcpy\" <via libfoo.so>";
    static final String WAIVER_REASON = "we ship for macOS 12+ only (ticket #42)";

    private VerifyResults() {
    }

    /** The project directory inside {@code dir}: "my project ü". */
    static Path project(Path dir) {
        return dir.resolve("my project ü");
    }

    /** Three binaries: linux fails twice and warns, darwin has a waived violation and a warning, windows fails hardening. */
    static VerifyResult realistic(Path project) {
        BinaryVerification linux = new BinaryVerification(project.resolve(LINUX_APP), Target.parse("linux/amd64"), List.of(
                Finding.pass("target", "GOARCH", "amd64", "amd64"),
                Finding.pass("target", "ELF machine", "EM_X86_64", "EM_X86_64"),
                Finding.problem("linkage", "linkage", "dynamic (/lib64/ld-linux-x86-64.so.2)", "static", Verdict.FAIL,
                        "the binary is linked dynamically, the target wants it static",
                        "build with CGO_ENABLED=0 or -ldflags '-extldflags \"-static\"'"),
                Finding.pass("glibc", "GLIBC_2.2.5", "GLIBC_2.2.5", "<= 2.28"),
                Finding.problem("glibc", "GLIBC_2.34", "GLIBC_2.34", "<= 2.28", Verdict.FAIL, GLIBC_MESSAGE,
                        "build on a system with glibc <= 2.28, or in a container such as manylinux_2_28"),
                Finding.problem("glibc", "GLIBCXX_3.4.29", "GLIBCXX_3.4.29", "<= 3.4.25", Verdict.FAIL,
                        "needs GLIBCXX_3.4.29 > 3.4.25", "link libstdc++ statically or build with an older GCC"),
                Finding.problem("hardening", "RELRO", "partial", "full", Verdict.WARN,
                        "only partial RELRO", "link with -Wl,-z,relro,-z,now"),
                Finding.skip("macos", "minos", "not a Mach-O binary")));
        BinaryVerification darwin = new BinaryVerification(project.resolve(DARWIN_APP), Target.parse("darwin/arm64"), List.of(
                Finding.pass("target", "GOARCH", "arm64", "arm64"),
                Finding.problem("macos", "minos", "11.0", "<= 10.15", Verdict.FAIL, "needs macOS 11.0, newer than 10.15",
                        "build with Go 1.22 or older, or raise maxMacos").waived(WAIVER_REASON),
                Finding.problem("libraries", "/usr/local/lib/libz.1.dylib", "/usr/local/lib/libz.1.dylib", "not under /usr/local/",
                        Verdict.WARN, "links a library from the build machine's /usr/local", "link against the SDK's libz"),
                Finding.info("cgo", "CGO_ENABLED", "1", "cgo is on, as the target asks"),
                Finding.skip("glibc", "GLIBC", "not an ELF binary"),
                Finding.skip("glibc", "GLIBCXX", "not an ELF binary")));
        BinaryVerification windows = new BinaryVerification(project.resolve(WINDOWS_APP), Target.parse("windows/amd64"), List.of(
                Finding.pass("windows", "subsystem", "console", "console"),
                Finding.problem("hardening", "DYNAMIC_BASE", "absent", "present", Verdict.FAIL,
                        "ASLR is off: DYNAMIC_BASE is not set", "do not pass -ldflags=-aslr=false"),
                Finding.skip("cgo", "CGO_ENABLED", "no build info")));
        return VerifyResult.of(List.of(linux, darwin, windows), "0.1.0-SNAPSHOT");
    }
}
