package io.gohygiene.rules;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.ExecutableFile;
import io.gohygiene.binary.ExecutableFormat;
import io.gohygiene.binary.InspectedImage;
import io.gohygiene.binary.buildinfo.BuildInfo;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.macho.MachoFile;
import io.gohygiene.binary.pe.PeFile;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.platform.Variant;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * The binary is for the target: the header's OS and machine (bits and byte order follow from GOARCH), the build
 * info's GOOS/GOARCH, the two against each other, the architecture variant (GOAMD64, GOARM …) and, for linux/arm,
 * the ELF float ABI against GOARM. A universal Mach-O must hold a slice for the target's GOARCH; its other slices
 * are reported, and each must still agree with its own build info.
 */
public final class TargetRule implements Rule {

    public static final String ID = "target";

    /** Word size and byte order of each GOARCH (cmd/internal/sys.Arch). */
    private static final Map<String, String> WORD = Map.ofEntries(
            Map.entry("386", "32-bit little-endian"), Map.entry("amd64", "64-bit little-endian"),
            Map.entry("arm", "32-bit little-endian"), Map.entry("arm64", "64-bit little-endian"),
            Map.entry("loong64", "64-bit little-endian"), Map.entry("mips", "32-bit big-endian"),
            Map.entry("mipsle", "32-bit little-endian"), Map.entry("mips64", "64-bit big-endian"),
            Map.entry("mips64le", "64-bit little-endian"), Map.entry("ppc64", "64-bit big-endian"),
            Map.entry("ppc64le", "64-bit little-endian"), Map.entry("riscv64", "64-bit little-endian"),
            Map.entry("s390x", "64-bit big-endian"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(BinaryReport report, Target target, RuleSettings settings) {
        List<Finding> findings = new ArrayList<>();
        if (report.format() != ExecutableFormat.MACHO_UNIVERSAL) {
            report.images().forEach(image -> checkImage(image, target, "", findings));
            return findings;
        }
        List<String> slices = report.goarches();
        Optional<InspectedImage> match = report.images().stream()
                .filter(i -> i.executable().goarch().equals(target.goarch())).findFirst();
        String wanted = ("aeiou".indexOf(target.goarch().charAt(0)) >= 0 ? "an " : "a ") + target.goarch() + " slice";
        if (match.isPresent()) {
            findings.add(Finding.pass(ID, "slices", String.join("+", slices), wanted));
        } else {
            findings.add(Finding.problem(ID, "slices", String.join("+", slices), wanted, Verdict.FAIL,
                    "the universal file holds " + String.join(", ", slices) + " slices but none for " + target.goarch(),
                    "build the " + target.goos() + "/" + target.goarch() + " binary (GOOS=" + target.goos() + " GOARCH="
                            + target.goarch() + ") and add it with lipo -create, or verify this file against a target it holds"));
        }
        for (InspectedImage image : report.images()) {
            String prefix = image.executable().goarch() + " slice: ";
            if (match.isPresent() && match.get() == image) {
                checkImage(image, target, prefix, findings);
            } else {
                findings.add(Finding.info(ID, prefix + "platform", platform(image.executable()) + " (" + header(image.executable()) + ")",
                        "another architecture than the target's " + target.goarch() + ": checked only against its own build info"));
                checkAgreement(image, prefix, findings);
            }
        }
        return findings;
    }

    private void checkImage(InspectedImage image, Target target, String prefix, List<Finding> findings) {
        ExecutableFile exe = image.executable();
        String build = "build it with GOOS=" + target.goos() + " GOARCH=" + target.goarch()
                + " set explicitly (the build goal does): without them go builds for the host, and a GOOS/GOARCH inherited"
                + " from the shell wins over both";
        if (osAgrees(exe, exe.goos(), target.goos())) {
            findings.add(Finding.pass(ID, prefix + "header GOOS", exe.goos() + " (" + exe.format() + ")", target.goos()));
        } else {
            findings.add(Finding.problem(ID, prefix + "header GOOS", exe.goos() + " (" + exe.format() + ")", target.goos(), Verdict.FAIL,
                    "the file is a " + exe.goos() + " executable (" + exe.format() + "), not one for the target's " + target.goos(), build));
        }
        String seenArch = exe.goarch() + " (" + word(exe) + ", " + header(exe) + ")";
        String wantedArch = target.goarch() + Optional.ofNullable(WORD.get(target.goarch())).map(w -> " (" + w + ")").orElse("");
        if (exe.goarch().equals(target.goarch())) {
            findings.add(Finding.pass(ID, prefix + "header GOARCH", seenArch, wantedArch));
        } else {
            findings.add(Finding.problem(ID, prefix + "header GOARCH", seenArch, wantedArch, Verdict.FAIL,
                    "the file is a " + word(exe) + " " + exe.goarch() + " executable (" + header(exe) + "), not one for the target's "
                            + target.goarch(), build));
        }
        Optional<BuildInfo> info = image.buildInfo();
        Optional<String> goos = info.flatMap(b -> b.setting("GOOS"));
        Optional<String> goarch = info.flatMap(b -> b.setting("GOARCH"));
        if (info.isEmpty()) {
            findings.add(Finding.skip(ID, prefix + "build info", "no Go build info: not a Go binary, or too old to carry one"));
        } else if (goos.isEmpty() || goarch.isEmpty()) {
            findings.add(Finding.skip(ID, prefix + "build info", "build info records no GOOS/GOARCH (" + info.get().goVersion()
                    + ": before Go 1.18, or built outside module mode)"));
        } else {
            buildSetting(prefix, "GOOS", goos.get(), target.goos(), target, findings);
            buildSetting(prefix, "GOARCH", goarch.get(), target.goarch(), target, findings);
        }
        checkAgreement(image, prefix, findings);
        checkVariant(info, target, prefix, findings);
        if (exe instanceof ElfFile elf && elf.goarch().equals("arm")) {
            checkArmFloatAbi(elf, info.flatMap(b -> b.setting("GOARM")).or(() -> Optional.ofNullable(
                    target.goarch().equals("arm") ? target.variant() : null)), prefix, findings);
        }
    }

    private static void buildSetting(String prefix, String key, String seen, String wanted, Target target, List<Finding> findings) {
        if (seen.equals(wanted)) {
            findings.add(Finding.pass(ID, prefix + "build info " + key, key + "=" + seen, wanted));
        } else {
            findings.add(Finding.problem(ID, prefix + "build info " + key, key + "=" + seen, wanted, Verdict.FAIL,
                    "the build info records " + key + "=" + seen + " but the target is " + target.name(),
                    "build with " + key + "=" + wanted + " set explicitly for this target; check the shell and GOFLAGS for an inherited " + key));
        }
    }

    /** Header and build info describe the same platform: a disagreement means an altered or mis-assembled file. */
    private static void checkAgreement(InspectedImage image, String prefix, List<Finding> findings) {
        ExecutableFile exe = image.executable();
        Optional<String> goos = image.buildInfo().flatMap(b -> b.setting("GOOS"));
        Optional<String> goarch = image.buildInfo().flatMap(b -> b.setting("GOARCH"));
        if (goos.isEmpty() || goarch.isEmpty()) {
            return;
        }
        String seen = "header " + platform(exe) + ", build info " + goos.get() + "/" + goarch.get();
        if (osAgrees(exe, exe.goos(), goos.get()) && exe.goarch().equals(goarch.get())) {
            findings.add(Finding.pass(ID, prefix + "header vs build info", seen, "the same platform"));
        } else {
            findings.add(Finding.problem(ID, prefix + "header vs build info", seen, "the same platform", Verdict.FAIL,
                    "the header says " + platform(exe) + " but the build info says " + goos.get() + "/" + goarch.get()
                            + ": the header was altered, or the file was assembled from parts of different builds",
                    "rebuild the binary with go build; if a tool combined slices (lipo), rebuild each slice with its own GOARCH and combine again"));
        }
    }

    private static void checkVariant(Optional<BuildInfo> info, Target target, String prefix, List<Finding> findings) {
        Optional<Variant> variable = Variant.forGoarch(target.goarch());
        if (variable.isEmpty() || info.isEmpty()) {
            return;
        }
        Variant v = variable.get();
        String key = v.name();
        Optional<String> built = info.get().setting(key);
        if (target.variant() == null) {
            built.ifPresent(value -> findings.add(Finding.info(ID, prefix + key, key + "=" + value,
                    "the target names no " + key + ": the binary was built for " + key + "=" + value)));
            return;
        }
        String wanted = target.variant();
        if (built.isEmpty()) {
            findings.add(Finding.skip(ID, prefix + key, "build info records no " + key + " (" + info.get().goVersion() + ")"));
            return;
        }
        String seen = key + "=" + built.get();
        if (normalized(v, built.get()).equals(normalized(v, wanted))) {
            findings.add(Finding.pass(ID, prefix + key, seen, wanted));
            return;
        }
        OptionalInt have = rank(v, built.get());
        OptionalInt want = rank(v, wanted);
        String message;
        if (have.isPresent() && want.isPresent() && have.getAsInt() > want.getAsInt()) {
            message = "the binary was built with " + seen + ", above the target's " + wanted
                    + ": it may use instructions the target's CPUs lack and die with SIGILL";
        } else if (have.isPresent() && want.isPresent() && have.getAsInt() < want.getAsInt()) {
            message = "the binary was built with " + seen + ", below the target's " + wanted
                    + ": it runs, but the build did not get the " + key + " the target asks for";
        } else {
            message = "the binary was built with " + seen + " but the target asks for " + key + "=" + wanted;
        }
        findings.add(Finding.problem(ID, prefix + key, seen, wanted, Verdict.FAIL, message,
                "build with " + key + "=" + wanted + " set explicitly (the build goal sets it from <target>" + target.name()
                        + "</target>); Go's default or a " + key + " inherited from the shell gives another value"));
    }

    /**
     * EF_ARM_ABI_FLOAT_* against GOARM. Go's linker marks no float ABI in pure-Go binaries (e_flags 0x5000002 for
     * GOARM=5, 6 and 7 alike); with cgo the C toolchain's objects decide, and a gnueabihf gcc links hard-float even
     * for GOARM=5, whose promise is an ARMv5 without a VFP unit.
     */
    private static void checkArmFloatAbi(ElfFile elf, Optional<String> goarm, String prefix, List<Finding> findings) {
        String subject = prefix + "float ABI";
        String seen = elf.armFloatAbi().map(abi -> abi + "-float").orElse("no float-ABI flag")
                + elf.armEabiVersion().map(v -> ", EABI" + v).orElse("") + " (e_flags " + elf.header().flagsHex() + ")";
        if (goarm.isEmpty()) {
            findings.add(Finding.skip(ID, subject, seen + "; no GOARM in build info or target to compare with"));
            return;
        }
        boolean softGo = goarm.get().startsWith("5") ? !goarm.get().contains("hardfloat") : goarm.get().contains("softfloat");
        String expected = softGo ? "soft-float or none (GOARM=" + goarm.get() + ": no VFP unit)"
                : "hard-float (armhf), or none (GOARM=" + goarm.get() + ")";
        String abi = elf.armFloatAbi().orElse("");
        if (abi.equals("hard") && softGo) {
            findings.add(Finding.problem(ID, subject, seen, expected, Verdict.FAIL,
                    "the executable is hard-float (EF_ARM_ABI_FLOAT_HARD, linked by a gnueabihf C toolchain) but GOARM=" + goarm.get()
                            + " promises an ARM CPU without a VFP unit: its C code needs VFP registers such a CPU lacks",
                    "link GOARM=5 cgo builds with a soft-float C compiler (arm-linux-gnueabi-gcc, or zig cc -target arm-linux-gnueabi),"
                            + " or target linux/arm/6 or linux/arm/7 for armhf systems"));
        } else if (abi.equals("soft") && !softGo) {
            findings.add(Finding.info(ID, subject, seen, "a soft-float (armel) executable with GOARM=" + goarm.get()
                    + " Go code that uses VFP: it runs on armel systems whose CPU has a VFP unit, not on armhf systems"));
        } else {
            findings.add(Finding.pass(ID, subject, seen, expected));
        }
    }

    /** GOARM=7 is 7,hardfloat and GOARM=5 is 5,softfloat; option order does not matter (GOARM64=v8.2,lse,crypto). */
    private static String normalized(Variant v, String value) {
        String[] parts = value.split(",");
        TreeSet<String> options = new TreeSet<>(Arrays.asList(parts).subList(1, parts.length));
        if (v == Variant.GOARM) {
            options.remove(parts[0].equals("5") ? "softfloat" : "hardfloat");
        }
        return options.isEmpty() ? parts[0] : parts[0] + "," + String.join(",", options);
    }

    /** The order of the base values of a variable, where one runs on a superset of the CPUs of another. */
    private static OptionalInt rank(Variant v, String value) {
        String base = value.split(",")[0];
        try {
            return switch (v) {
                case GOAMD64 -> OptionalInt.of(Integer.parseInt(base.substring(1)));
                case GOARM -> OptionalInt.of(Integer.parseInt(base));
                case GOARM64 -> OptionalInt.of(Integer.parseInt(base.substring(1).replace(".", "")));
                case GOPPC64 -> OptionalInt.of(Integer.parseInt(base.substring("power".length())));
                case GORISCV64 -> OptionalInt.of(Integer.parseInt(base.substring(3, 5)));
                case GO386, GOMIPS, GOMIPS64 -> OptionalInt.of(base.equals("softfloat") ? 0 : 1);
                default -> OptionalInt.empty();
            };
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * Header OS against a GOOS: an illumos binary is branded as Solaris, and a static DragonFly binary carries no
     * OS mark at all, so the ELF reader calls it linux.
     */
    private static boolean osAgrees(ExecutableFile exe, String headerGoos, String goos) {
        if (headerGoos.equals(goos)) {
            return true;
        }
        if (goos.equals("illumos") && headerGoos.equals("solaris")) {
            return true;
        }
        return goos.equals("dragonfly") && headerGoos.equals("linux") && exe instanceof ElfFile elf && elf.interpreter().isEmpty();
    }

    private static String platform(ExecutableFile exe) {
        return exe.goos() + "/" + exe.goarch();
    }

    private static String word(ExecutableFile exe) {
        return exe.pointerSize() * 8 + "-bit " + (exe.byteOrder() == ByteOrder.LITTLE_ENDIAN ? "little" : "big") + "-endian";
    }

    /** ELF64 EM_X86_64, Mach-O arm64, PE32+ IMAGE_FILE_MACHINE_AMD64. */
    private static String header(ExecutableFile exe) {
        if (exe instanceof ElfFile elf) {
            return "ELF" + elf.header().elfClass() + " " + elf.header().machineName();
        }
        if (exe instanceof MachoFile macho) {
            return "Mach-O " + macho.cpuName();
        }
        if (exe instanceof PeFile pe) {
            return (pe.isPe32Plus() ? "PE32+ " : "PE32 ") + pe.machineName();
        }
        return exe.format().toString();
    }
}
