package io.gohygiene.gobuild;

import io.gohygiene.files.AtomicFiles;
import io.gohygiene.platform.Architectures;
import io.gohygiene.platform.Target;
import io.gohygiene.toolchain.LiveSystemProbe;
import io.gohygiene.toolchain.SystemProbe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code <cc>zig</cc>}: {@code zig cc} as the C cross compiler of a cgo target. Maps the Go target (and a glibc floor,
 * musl, or a macOS minimum) to zig's target triple, writes a one-executable wrapper for CC (go runs CC as one
 * program), and for darwin a CoreFoundation text stub (Go's runtime links {@code -framework CoreFoundation}, which
 * zig does not ship) and {@code -ldflags=-w} (else Go's linker runs the host's strip/dsymutil on the output).
 */
public final class ZigCc {

    /** What a target needs to build with zig. */
    public record Prepared(String cc, Map<String, String> extraEnv, List<String> extraLdflags, List<String> explanation) {
        public Prepared {
            extraEnv = Map.copyOf(extraEnv);
            extraLdflags = List.copyOf(extraLdflags);
            explanation = List.copyOf(explanation);
        }
    }

    static final String INSTALL_HINT = "install zig (put it on PATH) or the PyPI package: python3 -m pip install ziglang";
    static final String COREFOUNDATION = "/System/Library/Frameworks/CoreFoundation.framework/Versions/A/CoreFoundation";
    private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9]+){1,2}");

    private ZigCc() {
    }

    public static boolean isZig(String cc) {
        return cc != null && cc.strip().equals("zig");
    }

    /** The -ldflags a zig build of {@code target} needs: {@code -w} for darwin. */
    public static List<String> requiredLdflags(Target target) {
        return isDarwin(target) ? List.of("-w") : List.of();
    }

    /** As {@link #prepare(Target, Optional, Optional, Optional, Path, SystemProbe)}, finding zig on this JVM's PATH. */
    public static Prepared prepare(Target target, Optional<String> glibc, Optional<String> libc, Optional<String> macos,
                                   Path workDirectory) throws BuildException {
        return prepare(target, glibc, libc, macos, workDirectory, new LiveSystemProbe());
    }

    /** Writes the wrapper (and darwin's stubs) under {@code workDirectory}; zig is looked up on {@code probe}'s PATH. */
    public static Prepared prepare(Target target, Optional<String> glibc, Optional<String> libc, Optional<String> macos,
                                   Path workDirectory, SystemProbe probe) throws BuildException {
        String triple = triple(target, glibc, libc, macos);
        List<String> zig = zigCommand(target, probe);
        Path dir = workDirectory.toAbsolutePath().resolve("zig").resolve(triple);
        Path wrapper = dir.resolve("cc");
        Map<String, String> env = new TreeMap<>();
        List<String> ldflags = new ArrayList<>(requiredLdflags(target));
        List<String> why = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            // cmd/go asks a compiler for its identity with `CC -### -x c -c -` in the package directory; clang only
            // prints what it would run, but zig compiles stdin and leaves "-.o" there (issue 16.3): in the
            // wrapper's own directory under target/ it does no harm.
            StringBuilder script = new StringBuilder("#!/bin/sh\n# CC for ").append(target.name())
                    .append(": zig cc for ").append(triple).append(" (written by go-hygiene)\n")
                    .append("case \" $* \" in *' -### '*) cd ").append(RerunFiles.quote(dir.toString())).append(" ;; esac\nexec");
            zig.forEach(word -> script.append(' ').append(RerunFiles.quote(word)));
            script.append(" -target ").append(RerunFiles.quote(triple)).append(" \"$@\"\n");
            write(wrapper, script.toString(), true);
            why.add("zig: " + target.name() + " → -target " + triple + " (" + describe(target, glibc, libc, macos) + ")");
            if (isDarwin(target)) {
                Path frameworks = dir.resolve("frameworks");
                Path libs = dir.resolve("lib");
                for (Stub stub : DARWIN_STUBS) {
                    Path tbd = stub.framework() ? frameworks.resolve(stub.name() + ".framework").resolve(stub.name() + ".tbd")
                            : libs.resolve("lib" + stub.name() + ".tbd");
                    Files.createDirectories(tbd.getParent());
                    write(tbd, tbd(target, stub), false);
                }
                env.put("CGO_LDFLAGS", "-F" + frameworks + " -L" + libs);
                why.add("zig: text stubs for CoreFoundation, Security and libresolv under " + dir
                        + " (Go's darwin runtime links them; zig ships only libSystem)");
                why.add("zig: -ldflags=-w (without it Go's linker runs the host's strip/dsymutil on darwin output)");
            }
        } catch (IOException e) {
            throw new BuildException(target, "cannot write the zig wrapper for " + target.name() + " under " + dir + ": "
                    + e.getMessage() + "; check that " + workDirectory + " is writable", e);
        }
        return new Prepared(wrapper.toString(), env, ldflags, why);
    }

    /** The zig target triple for {@code target}: {@code aarch64-linux-gnu.2.17}, {@code x86_64-linux-musl}, {@code aarch64-macos.11.0} … */
    static String triple(Target target, Optional<String> glibc, Optional<String> libc, Optional<String> macos)
            throws BuildException {
        String arch = Architectures.tripleArch(target.goarch()).orElseThrow(() -> new BuildException(target,
                "zig cannot build for GOARCH=" + target.goarch() + " (" + target.name() + "); use another <cc> for this target"));
        Optional<String> lib = libc.map(s -> s.toLowerCase(java.util.Locale.ROOT));
        switch (target.goos()) {
            case "linux": {
                boolean musl = lib.filter("musl"::equals).isPresent();
                if (lib.isPresent() && !musl && !lib.get().equals("gnu") && !lib.get().equals("glibc")) {
                    throw new BuildException(target, "libc '" + libc.get() + "' for " + target.name()
                            + " is neither gnu nor musl; write <libc>gnu</libc> or <libc>musl</libc>");
                }
                if (musl && glibc.isPresent()) {
                    throw new BuildException(target, target.name() + " asks for musl and for glibc " + glibc.get()
                            + "; keep one of them");
                }
                String abi = (musl ? "musl" : "gnu") + (target.goarch().equals("arm") ? "eabihf" : "");
                if (glibc.isPresent()) {
                    checkVersion(target, "glibc", glibc.get());
                    return arch + "-linux-" + abi + "." + glibc.get();
                }
                return arch + "-linux-" + abi;
            }
            case "darwin": {
                noLibc(target, glibc, lib);
                if (!arch.equals("x86_64") && !arch.equals("aarch64")) {
                    throw new BuildException(target, "zig builds darwin only for amd64 and arm64, not " + target.goarch());
                }
                if (macos.isPresent()) {
                    checkVersion(target, "macOS", macos.get());
                    return arch + "-macos." + (macos.get().contains(".") ? macos.get() : macos.get() + ".0");
                }
                return arch + "-macos";
            }
            case "windows": {
                noLibc(target, glibc, lib);
                return arch + "-windows-gnu";
            }
            case "freebsd", "netbsd", "openbsd": {
                noLibc(target, glibc, lib);
                return arch + "-" + target.goos();
            }
            default:
                throw new BuildException(target, "zig cannot build cgo for GOOS=" + target.goos() + " (" + target.name()
                        + "); use another <cc> for this target");
        }
    }

    private static void noLibc(Target target, Optional<String> glibc, Optional<String> libc) throws BuildException {
        if (glibc.isPresent() || libc.isPresent()) {
            throw new BuildException(target, "glibc/libc settings apply to linux targets only, not " + target.name()
                    + "; remove them from this target");
        }
    }

    private static void checkVersion(Target target, String what, String version) throws BuildException {
        if (!VERSION.matcher(version).matches() && !(what.equals("macOS") && version.matches("[0-9]+"))) {
            throw new BuildException(target, "'" + version + "' is not a " + what + " version for " + target.name()
                    + "; write it as e.g. " + (what.equals("glibc") ? "2.17" : "11.0"));
        }
    }

    private static String describe(Target target, Optional<String> glibc, Optional<String> libc, Optional<String> macos) {
        if (isDarwin(target)) {
            return macos.map(v -> "macOS minimum " + v).orElse("zig's default macOS minimum");
        }
        if (target.goos().equals("linux")) {
            return libc.filter("musl"::equalsIgnoreCase).map(v -> "musl, static")
                    .orElse(glibc.map(v -> "glibc floor " + v).orElse("zig's default glibc"));
        }
        return "zig's default for " + target.goos();
    }

    static boolean isDarwin(Target target) {
        return target.goos().equals("darwin");
    }

    /** A macOS library zig does not ship, as a tbd v4 text stub with the symbols Go 1.26's std imports from it. */
    private record Stub(String name, boolean framework, String installName, List<String> symbols) {
    }

    private static final List<Stub> DARWIN_STUBS = List.of(
            new Stub("CoreFoundation", true, COREFOUNDATION, List.of("CFArrayAppendValue", "CFArrayCreateMutable",
                    "CFArrayGetCount", "CFArrayGetValueAtIndex", "CFDataCreate", "CFDataGetBytePtr", "CFDataGetLength",
                    "CFDateCreate", "CFDictionaryGetValueIfPresent", "CFEqual", "CFErrorCopyDescription", "CFErrorGetCode",
                    "CFNumberGetValue", "CFRelease", "CFStringCreateExternalRepresentation", "CFStringCreateWithBytes",
                    "kCFAllocatorDefault")),
            new Stub("Security", true, "/System/Library/Frameworks/Security.framework/Versions/A/Security",
                    List.of("SecCertificateCopyData", "SecCertificateCreateWithData", "SecPolicyCreateSSL",
                            "SecTrustCopyCertificateChain", "SecTrustCreateWithCertificates", "SecTrustEvaluate",
                            "SecTrustEvaluateWithError", "SecTrustSetVerifyDate")),
            new Stub("resolv", false, "/usr/lib/libresolv.9.dylib", List.of("res_9_nclose", "res_9_ninit", "res_9_nsearch")));

    private static String tbd(Target target, Stub stub) {
        String t = (target.goarch().equals("arm64") ? "arm64" : "x86_64") + "-macos";
        return "--- !tapi-tbd\n"
                + "tbd-version:     4\n"
                + "targets:         [ " + t + " ]\n"
                + "install-name:    '" + stub.installName() + "'\n"
                + "exports:\n"
                + "  - targets:         [ " + t + " ]\n"
                + "    symbols:         [ " + String.join(", ", stub.symbols().stream().map(s -> "_" + s).toList()) + " ]\n"
                + "...\n";
    }

    /**
     * {@code zig} from PATH, else {@code python3 -m ziglang}; asked for each zig target (about 0.1 s), since a cache held
     * by the class would outlive the build that filled it (a Maven daemon, an IDE) and be shared by parallel modules.
     */
    private static List<String> zigCommand(Target target, SystemProbe probe) throws BuildException {
        Optional<Path> zig = probe.which("zig");
        if (zig.isPresent() && probe.run(List.of(zig.get().toString(), "version")).isPresent()) {
            return List.of(zig.get().toString(), "cc");
        }
        Optional<Path> python = probe.which("python3");
        if (python.isPresent() && probe.run(List.of(python.get().toString(), "-m", "ziglang", "version")).isPresent()) {
            return List.of(python.get().toString(), "-m", "ziglang", "cc");
        }
        throw new BuildException(target, target.name() + " has <cc>zig</cc> but neither zig nor python3 -m ziglang runs here"
                + " (PATH=" + probe.env("PATH").orElse("") + "); " + INSTALL_HINT);
    }

    /** Whole or not at all; targets that share a triple (linux/arm/6 and /7) share the files, so one writer at a time. */
    private static void write(Path file, String text, boolean executable) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        synchronized (ZigCc.class) {
            if (!(Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)
                    && (!executable || Files.isExecutable(file)))) {
                AtomicFiles.write(file, bytes, executable);
            }
        }
    }
}
