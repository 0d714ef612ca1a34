package io.gohygiene.report;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.Printable;
import io.gohygiene.binary.ExecutableFile;
import io.gohygiene.binary.InspectedImage;
import io.gohygiene.binary.buildinfo.BuildInfo;
import io.gohygiene.binary.buildinfo.BuildSetting;
import io.gohygiene.binary.buildinfo.Module;
import io.gohygiene.binary.elf.Elf;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.elf.ProgramHeader;
import io.gohygiene.binary.elf.SymbolVersion;
import io.gohygiene.binary.elf.VersionNeed;
import io.gohygiene.binary.elf.VersionNeedAux;
import io.gohygiene.binary.macho.CodeSignature;
import io.gohygiene.binary.macho.Dylib;
import io.gohygiene.binary.macho.MachoFile;
import io.gohygiene.binary.pe.PeFile;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A binary report as a person reads it: what {@code file}, {@code readelf -d -V}, {@code otool -l} and
 * {@code go version -m} would say together, one labelled line per fact.
 */
public final class InspectionText {

    private InspectionText() {
    }

    public static List<String> render(BinaryReport report) {
        List<String> lines = new ArrayList<>();
        lines.add(Printable.escape(report.file().toString()) + ": " + report.describe() + " (" + report.size() + " bytes)");
        for (InspectedImage image : report.images()) {
            if (report.images().size() > 1) {
                lines.add("  slice " + image.executable().goos() + "/" + image.executable().goarch());
            }
            String indent = report.images().size() > 1 ? "    " : "  ";
            List<String[]> rows = new ArrayList<>();
            ExecutableFile exe = image.executable();
            if (exe instanceof ElfFile elf) {
                elf(elf, rows);
            } else if (exe instanceof MachoFile macho) {
                macho(macho, rows);
            } else if (exe instanceof PeFile pe) {
                pe(pe, rows);
            }
            image.buildInfo().ifPresentOrElse(info -> go(info, rows), () -> rows.add(row("go", "no Go build info")));
            // Names and strings come from the file: escaped, so that none can split a line or drive the terminal.
            rows.forEach(r -> lines.add(indent + String.format("%-10s %s", r[0], Printable.escape(r[1]))));
        }
        return lines;
    }

    private static void elf(ElfFile elf, List<String[]> rows) {
        var h = elf.header();
        String kind = elf.sharedObject() ? "shared object" : elf.pie() ? "pie executable" : h.type() == Elf.ET_EXEC ? "executable" : null;
        rows.add(row("elf", (h.is64() ? "64-bit " : "32-bit ") + (h.byteOrder() == ByteOrder.LITTLE_ENDIAN ? "LSB " : "MSB ")
                + h.typeName() + (kind == null ? "" : " (" + kind + ")") + ", " + h.machineName() + ", OS ABI " + h.osAbiName()
                + ", flags " + h.flagsHex()
                + elf.armEabiVersion().map(v -> ", EABI " + v).orElse("") + elf.armFloatAbi().map(f -> ", " + f + "-float").orElse("")));
        rows.add(row("interp", elf.interpreter().orElse(elf.sharedObject() ? "none (a shared object: loaded by the program that uses it)"
                : "none (statically linked)")));
        if (!elf.needed().isEmpty()) {
            rows.add(row("needed", String.join(", ", elf.needed())));
        }
        if (!elf.rpath().isEmpty()) {
            rows.add(row("rpath", String.join(":", elf.rpath())));
        }
        if (!elf.runpath().isEmpty()) {
            rows.add(row("runpath", String.join(":", elf.runpath())));
        }
        List<String> hardening = new ArrayList<>();
        hardening.add(elf.sharedObject() ? "shared object" : elf.pie() ? "PIE" : "not PIE");
        hardening.add(elf.hasRelro() ? "RELRO" : "no RELRO");
        if (elf.dynamic() || elf.sharedObject()) { // binding is what a dynamic loader does: a static binary has none
            hardening.add(elf.bindNow() ? "BIND_NOW" : "lazy binding");
        }
        hardening.add(elf.executableStack().map(x -> x ? "executable stack" : "non-executable stack").orElse("no PT_GNU_STACK"));
        rows.add(row("security", String.join(", ", hardening)));
        for (VersionNeed need : elf.versionNeeds()) {
            List<String> versions = SymbolVersionNames.sorted(need.versions().stream().map(VersionNeedAux::name).toList());
            List<String> highest = SymbolVersionNames.highestPerFamily(versions);
            rows.add(row("versions", need.file() + ": " + String.join(", ", versions)
                    + (highest.isEmpty() ? "" : " (highest " + String.join(", ", highest) + ")")));
        }
        List<SymbolVersion> symbols = elf.importedSymbolVersions();
        if (!symbols.isEmpty()) {
            rows.add(row("symbols", symbols.size() + " versioned imports, e.g. "
                    + symbols.stream().limit(3).map(SymbolVersion::toString).collect(Collectors.joining(", "))));
        }
        elf.goBuildId().ifPresent(id -> rows.add(row("buildid", id)));
    }

    private static void macho(MachoFile m, List<String[]> rows) {
        rows.add(row("mach-o", (m.is64() ? "64-bit " : "32-bit ") + m.filetypeName() + ", " + m.cpuName()
                + ", flags " + String.join("|", m.flagNames())));
        m.buildVersion().ifPresent(b -> rows.add(row("platform", b.platformName() + " minos " + b.minos() + " sdk " + b.sdk())));
        m.versionMins().forEach(v -> rows.add(row("platform", v.toString())));
        for (Dylib d : m.dylibs()) {
            rows.add(row("dylib", d.name() + " (" + d.kind().name().toLowerCase() + ", " + d.currentVersion() + ")"));
        }
        m.rpaths().forEach(r -> rows.add(row("rpath", r)));
        rows.add(row("signature", m.codeSignature().map(InspectionText::signature).orElse("none (an arm64 binary without one is killed at exec)")));
    }

    private static String signature(CodeSignature s) {
        return String.join(", ", s.flagNames().isEmpty() ? List.of("signed") : s.flagNames()) + ", identifier " + s.identifier()
                + s.entitlements().map(e -> ", entitlements " + e.length() + " bytes").orElse(", no entitlements");
    }

    private static void pe(PeFile pe, List<String[]> rows) {
        rows.add(row("pe", (pe.optionalHeaderMagic() == 0x20b ? "PE32+ " : "PE32 ") + pe.machineName() + ", subsystem "
                + pe.subsystemName() + " " + pe.majorSubsystemVersion() + "." + pe.minorSubsystemVersion()));
        rows.add(row("dllchars", pe.dllCharacteristicNames().isEmpty() ? "none" : String.join(", ", pe.dllCharacteristicNames())));
        rows.add(row("imports", pe.importedDlls().isEmpty() ? "none" : String.join(", ", pe.importedDlls())));
    }

    private static void go(BuildInfo info, List<String[]> rows) {
        rows.add(row("go", info.goVersion()));
        if (!info.path().isEmpty()) {
            rows.add(row("path", info.path()));
        }
        if (!info.main().isEmpty()) {
            rows.add(row("mod", module(info.main())));
        }
        info.deps().forEach(d -> rows.add(row("dep", module(d))));
        for (BuildSetting s : info.settings()) {
            rows.add(row("build", s.key() + "=" + s.value()));
        }
    }

    private static String module(Module m) {
        String text = m.path() + " " + m.version() + (m.sum().isEmpty() ? "" : " " + m.sum());
        Optional<Module> replace = m.replace();
        return replace.map(r -> text + " => " + module(r)).orElse(text);
    }

    private static String[] row(String label, String value) {
        return new String[] {label, value};
    }
}
