package io.gohygiene.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.github.packageurl.PackageURLBuilder;
import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.ExecutableFile;
import io.gohygiene.binary.InspectedImage;
import io.gohygiene.binary.buildinfo.BuildInfo;
import io.gohygiene.binary.buildinfo.BuildSetting;
import io.gohygiene.binary.buildinfo.Module;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.elf.VersionNeed;
import io.gohygiene.binary.elf.VersionNeedAux;
import io.gohygiene.binary.macho.Dylib;
import io.gohygiene.binary.macho.MachoFile;
import io.gohygiene.binary.pe.PeFile;
import io.gohygiene.files.AtomicFiles;
import io.gohygiene.finding.Finding;
import io.gohygiene.platform.Target;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Ancestors;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Pedigree;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;
import org.cyclonedx.model.vulnerability.Vulnerability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A CycloneDX 1.6 SBOM of one binary, from the binary itself: the binary as the root component with its SHA-256;
 * the Go standard library at the build info's Go version; every module of the build info (the replacement when a
 * module was replaced, the module it replaced as its pedigree); the C libraries the binary loads (ELF DT_NEEDED with
 * the symbol versions it needs, Mach-O LC_LOAD_DYLIB, PE imports), which tools that read only the build info leave
 * out; and the build settings that say what was built. The file is the same bytes for the same binary (no timestamp,
 * a serial number derived from the binary's hash), so a rebuild that changed nothing changes no SBOM.
 * Over 300 lines: the parts of one document (root, std, modules and their replacements, the C libraries of three formats)
 * read best together.
 */
public final class BinarySbom {

    /** The namespace of this plugin's properties (CycloneDX reserves {@code cdx:}). */
    static final String NS = "go-hygiene:";

    /**
     * The build settings recorded: what decides what was built and from which revision. Not {@code -ldflags},
     * {@code -gcflags} or {@code CGO_*FLAGS}: they may carry values a team would not publish ({@code -X main.key=…}),
     * and an SBOM is published beside the binary.
     */
    static final Set<String> SETTINGS = Set.of("GOOS", "GOARCH", "GOAMD64", "GOARM", "GOARM64", "GO386", "GOMIPS", "GOMIPS64",
            "GOPPC64", "GORISCV64", "GOWASM", "CGO_ENABLED", "-trimpath", "-buildmode", "-compiler", "-tags", "-race", "-msan", "-asan",
            "DefaultGODEBUG", "vcs", "vcs.revision", "vcs.time", "vcs.modified");

    private BinarySbom() {
    }

    /**
     * The SBOM of {@code report}'s binary, built for {@code target}.
     *
     * @param sha256      the binary's SHA-256, hex
     * @param toolVersion this plugin's version, named as the tool that wrote the SBOM
     */
    public static Bom of(BinaryReport report, Target target, String sha256, String toolVersion) {
        return of(report, target, sha256, toolVersion, List.of());
    }

    /**
     * As {@link #of(BinaryReport, Target, String, String)}, with verify's findings of the {@code vulnerabilities} rule
     * as the SBOM's {@code vulnerabilities}: each affecting the component it was found in; one whose vulnerable
     * symbols are not linked is marked not affected (code not present), as govulncheck's binary mode judges it.
     */
    public static Bom of(BinaryReport report, Target target, String sha256, String toolVersion, List<Finding> findings) {
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(("go-hygiene sbom " + sha256).getBytes(StandardCharsets.UTF_8)));
        Map<String, Component> components = new LinkedHashMap<>();
        Component root = root(report, target, sha256);
        for (InspectedImage image : report.images()) {
            image.buildInfo().ifPresent(info -> {
                Component std = stdlib(info);
                components.putIfAbsent(std.getBomRef(), std);
                info.deps().forEach(m -> {
                    Component c = module(m);
                    components.putIfAbsent(c.getBomRef(), c);
                });
                info.settings().stream().filter(s -> SETTINGS.contains(s.key()))
                        .forEach(s -> addProperty(root, NS + "build:" + s.key() + slice(report, image), s.value()));
            });
            cLibraries(image.executable()).forEach(c -> components.putIfAbsent(c.getBomRef(), c));
        }
        Metadata metadata = new Metadata();
        // The library stamps the time of writing; the same binary must give the same bytes.
        metadata.setTimestamp(null);
        metadata.setComponent(root);
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setGroup("io.gohygiene");
        tool.setName("go-hygiene-maven-plugin");
        tool.setVersion(toolVersion);
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        bom.setMetadata(metadata);
        bom.setComponents(new ArrayList<>(components.values()));
        Dependency rootDependency = new Dependency(root.getBomRef());
        components.keySet().forEach(ref -> rootDependency.addDependency(new Dependency(ref)));
        bom.setDependencies(new ArrayList<>(List.of(rootDependency)));
        List<Vulnerability> vulnerabilities = SbomVulnerabilities.from(findings, components.values());
        if (!vulnerabilities.isEmpty()) {
            bom.setVulnerabilities(vulnerabilities);
        }
        return bom;
    }

    /** {@code <dir>/<goos>_<goarch>[_<variant>]/<binary name>.cdx.json}. */
    public static Path fileFor(Path reportDirectory, Target target, Path binary) {
        String platform = target.goos() + "_" + target.goarch() + (target.variant() == null ? "" : "_" + target.variant().replace(',', '_'));
        return reportDirectory.resolve(platform).resolve(binary.getFileName() + ".cdx.json");
    }

    /** Writes {@code bom} as CycloneDX 1.6 JSON, whole or not at all. */
    public static void write(Bom bom, Path file) throws IOException {
        String json;
        try {
            json = BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString() + "\n";
        } catch (GeneratorException e) {
            throw new IOException("the SBOM " + file + " could not be generated: " + e.getMessage(), e);
        }
        AtomicFiles.write(file, json.getBytes(StandardCharsets.UTF_8));
    }

    private static Component root(BinaryReport report, Target target, String sha256) {
        Component root = new Component();
        root.setType(Component.Type.APPLICATION);
        root.setName(report.file().getFileName().toString());
        root.setBomRef("binary:" + report.file().getFileName());
        root.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, sha256)));
        Optional<BuildInfo> info = report.images().stream().flatMap(i -> i.buildInfo().stream()).findFirst();
        info.filter(i -> !i.main().isEmpty()).ifPresent(i -> {
            root.setGroup(i.main().path());
            if (!i.main().version().isEmpty() && !i.main().version().equals("(devel)")) {
                root.setVersion(i.main().version());
            }
            addProperty(root, NS + "mainModule", i.main().path());
        });
        info.ifPresent(i -> addProperty(root, NS + "package", i.path()));
        addProperty(root, NS + "target", target.name());
        addProperty(root, NS + "format", report.format().toString());
        return root;
    }

    /** In a universal Mach-O the settings of each slice: {@code GOARCH@arm64}. */
    private static String slice(BinaryReport report, InspectedImage image) {
        return report.images().size() > 1 ? "@" + image.executable().goarch() : "";
    }

    private static Component stdlib(BuildInfo info) {
        String version = info.goVersion().split(" ", 2)[0];
        Component std = new Component();
        std.setType(Component.Type.LIBRARY);
        std.setName("std");
        std.setVersion(version);
        std.setDescription("The Go standard library");
        purl("std", version).ifPresent(p -> {
            std.setPurl(p);
            std.setBomRef(p.canonicalize());
        });
        if (std.getBomRef() == null) {
            std.setBomRef("go:std@" + version);
        }
        return std;
    }

    /** A module as linked: the replacement when there is one (the code that is in the binary), the original as its ancestor. */
    private static Component module(Module required) {
        Optional<Module> replacement = required.replace().filter(r -> !r.isEmpty());
        Component c = plainModule(replacement.filter(r -> !isDirectory(r)).orElse(required));
        if (replacement.isPresent()) {
            Module r = replacement.get();
            addProperty(c, NS + "replaces", required.path() + "@" + required.version());
            if (isDirectory(r)) {
                // A directory replacement: the code is the local tree, with no version and no checksum.
                addProperty(c, NS + "replacedByDirectory", r.path());
                c.setBomRef("go:" + required.path() + "@" + required.version() + "=>" + r.path());
                c.setHashes(null);
            } else {
                Pedigree pedigree = new Pedigree();
                Ancestors ancestors = new Ancestors();
                ancestors.addComponent(plainModule(required));
                pedigree.setAncestors(ancestors);
                c.setPedigree(pedigree);
            }
        }
        return c;
    }

    /** A replacement by a local directory: go.mod allows only ./, ../ or an absolute path there. */
    private static boolean isDirectory(Module replacement) {
        String p = replacement.path();
        return p.startsWith("./") || p.startsWith("../") || p.startsWith("/") || p.matches("^[A-Za-z]:[\\\\/].*") || p.equals(".") || p.equals("..");
    }

    private static Component plainModule(Module m) {
        Component c = new Component();
        c.setType(Component.Type.LIBRARY);
        c.setName(m.path());
        c.setVersion(m.version());
        Optional<PackageURL> purl = purl(m.path(), m.version());
        purl.ifPresent(c::setPurl);
        c.setBomRef(purl.map(PackageURL::canonicalize).orElse("go:" + m.path() + "@" + m.version()));
        h1AsSha256(m.sum()).ifPresent(h -> c.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, h))));
        return c;
    }

    /** {@code pkg:golang/github.com/pkg/errors@v0.9.1}: the path's last element is the name, the rest the namespace. */
    static Optional<PackageURL> purl(String path, String version) {
        try {
            int slash = path.lastIndexOf('/');
            PackageURLBuilder b = PackageURLBuilder.aPackageURL().withType("golang").withName(slash < 0 ? path : path.substring(slash + 1));
            if (slash > 0) {
                b.withNamespace(path.substring(0, slash));
            }
            if (!version.isEmpty()) {
                b.withVersion(version);
            }
            return Optional.of(b.build());
        } catch (MalformedPackageURLException e) {
            return Optional.empty();
        }
    }

    /**
     * go.sum's {@code h1:} is the base64 SHA-256 of the module's dirhash summary; CycloneDX holds hashes as hex, so it
     * is written as SHA-256 hex (as cyclonedx-gomod does). Anything else (an empty sum, another scheme) is left out.
     */
    static Optional<String> h1AsSha256(String sum) {
        if (sum == null || !sum.startsWith("h1:")) {
            return Optional.empty();
        }
        try {
            byte[] digest = Base64.getDecoder().decode(sum.substring(3));
            return digest.length == 32 ? Optional.of(HexFormat.of().formatHex(digest)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The C libraries the image loads, as components: what the loader must find where the binary runs. */
    private static List<Component> cLibraries(ExecutableFile executable) {
        List<Component> libraries = new ArrayList<>();
        if (executable instanceof ElfFile elf) {
            Map<String, List<String>> versions = new LinkedHashMap<>();
            for (VersionNeed need : elf.versionNeeds()) {
                versions.put(need.file(), need.versions().stream().map(VersionNeedAux::name).toList());
            }
            for (String needed : elf.needed()) {
                Component c = library(needed, "elf");
                List<String> v = versions.getOrDefault(needed, List.of());
                if (!v.isEmpty()) {
                    addProperty(c, NS + "elf:versionNeeds", String.join(",", v));
                }
                libraries.add(c);
            }
            elf.interpreter().ifPresent(i -> {
                Component loader = library(i, "elf");
                addProperty(loader, NS + "elf:role", "interpreter");
                libraries.add(0, loader);
            });
        } else if (executable instanceof MachoFile macho) {
            for (Dylib d : macho.dylibs()) {
                Component c = library(d.name(), "macho");
                c.setVersion(d.currentVersion());
                addProperty(c, NS + "macho:loadKind", d.kind().name());
                addProperty(c, NS + "macho:compatibilityVersion", d.compatibilityVersion());
                libraries.add(c);
            }
        } else if (executable instanceof PeFile pe) {
            for (String dll : pe.importedDlls()) {
                libraries.add(library(dll, "pe"));
            }
        }
        return libraries;
    }

    private static Component library(String name, String format) {
        Component c = new Component();
        c.setType(Component.Type.LIBRARY);
        c.setName(name);
        c.setBomRef("native:" + format + ":" + name);
        addProperty(c, NS + "linkage", "dynamic");
        return c;
    }

    private static void addProperty(Component c, String name, String value) {
        Property p = new Property();
        p.setName(name);
        p.setValue(value);
        List<Property> properties = c.getProperties() == null ? new ArrayList<>() : new ArrayList<>(c.getProperties());
        properties.add(p);
        c.setProperties(properties);
    }
}
