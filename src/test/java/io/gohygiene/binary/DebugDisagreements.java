package io.gohygiene.binary;

import com.fasterxml.jackson.databind.JsonNode;
import io.gohygiene.binary.buildinfo.BuildSetting;
import io.gohygiene.binary.buildinfo.Module;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * For {@link DebugPackagesDifferentialTest}: what one side sees in a file, the comparison of ours with Go's, and
 * the categories of disagreement that are legitimate, each with its reason. A disagreement is
 * {@code "<category> | <detail>"}; the category holds no numbers, so mutants that differ for one reason share it.
 */
final class DebugDisagreements {

    /** Category → why our parsers and Go's may legitimately differ there. */
    static final Map<String, String> EXPLAINED = new LinkedHashMap<>();

    static {
        EXPLAINED.put("build info: ours none, Go error unrecognized file format", "e_phnum or e_phoff zeroed: Go finds"
                + " .go.buildinfo by section name, then cannot map its address through a program header and calls the file"
                + " unrecognized; we look for the blob in loadable segments only and find none. Neither reads build info;"
                + " the verify goal's structural check (no loadable segment) is what fails such a file (issue 15.2)");
        EXPLAINED.put("interpreter: Go keeps the bytes after the first NUL", "PT_INTERP with a NUL inside: Go trims only"
                + " trailing NULs; we stop at the first NUL, as the kernel does (it opens the path as a C string)");
        EXPLAINED.put("we accept, Go rejects: EOF", "a SHF_COMPRESSED debug section moved past the end of the file: Go reads"
                + " every compressed section's Chdr when it opens the file; we never read debug sections, nor does the loader");
        EXPLAINED.put("we accept, Go rejects: invalid ELF shstrndx '…' in record at byte N", "e_shstrndx = SHN_XINDEX (0xffff):"
                + " the gABI escape whose index is in section 0's sh_link; Go compares it with e_shnum before resolving it");
        EXPLAINED.put("we accept, Go rejects: size of data directories(N) is inconsistent with number of data directories(N)",
                "NumberOfRvaAndSizes zeroed: Go requires SizeOfOptionalHeader to be exactly the fixed part plus 8 bytes per"
                + " directory; the format only needs the directories to fit, and we read the (zero) directories declared");
        EXPLAINED.put("we reject, Go accepts: import directory RVA N lies in no section the file holds", "NumberOfSections"
                + " zeroed: Go's ImportedSymbols returns nothing when no section holds the import directory; we report the"
                + " imports as unreadable, since the loader could not resolve them either");
        EXPLAINED.put("we reject, Go accepts: section [N] .note.gnu.build-id (sh_offset N, sh_size N) lies outside the N-byte file",
                "we read the GNU build-ID note when the file is opened; Go reads no section data until asked for it");
        EXPLAINED.put("we reject, Go accepts: section [N] .note.go.buildid (sh_offset N, sh_size N) lies outside the N-byte file",
                "we read the Go build-ID note when the file is opened; Go reads no section data until asked for it");
        EXPLAINED.put("build info: ours error module info of N bytes is not framed by the N-byte sentinels cmd/go puts around"
                + " it (no newline before the closing sentinel), Go read", "a flipped byte in the sentinels around the module"
                + " info: Go's debug/buildinfo then drops the module info silently and returns the Go version alone; we call"
                + " the blob damaged, so that a corrupted Go binary fails verify instead of passing as one without modules");
        EXPLAINED.put("we reject, Go accepts: segment __LINKEDIT (fileoff N, filesize N) lies outside the N-byte image",
                "a truncated Mach-O: Go reads only the header and load commands; we check that every segment's file range"
                + " is in the file, as the loader maps it (a truncated image is killed at launch)");
        EXPLAINED.put("we reject, Go accepts: slice N (armN) (N bytes at offset N) lies outside the N-byte file",
                "a truncated universal file: Go's NewFatFile reads each slice's header only; we require every slice to lie"
                + " in the file, as lipo and the kernel do");
    }

    /** One image as both sides describe it: the facts every format has, and its libraries. */
    record Image(long machine, int bits, String byteOrder, long type, long entry, String interpreter, List<String> libraries) {
    }

    record BuildInfoView(String goVersion, String path, Module main, List<Module> deps, List<BuildSetting> settings) {
    }

    /** A side's answer: the structural rejection, or the images and the (first image's) build info or its error. */
    record Seen(String error, List<Image> images, BuildInfoView buildInfo, String buildInfoError) {
        static Seen rejected(String reason) {
            return new Seen(reason, List.of(), null, null);
        }
    }

    private DebugDisagreements() {
    }

    static Seen goSees(JsonNode answer) {
        if (answer.hasNonNull("Err")) {
            return Seen.rejected(answer.get("Err").asText());
        }
        List<Image> images = new ArrayList<>();
        for (JsonNode im : answer.path("Images")) {
            List<String> libraries = new ArrayList<>();
            im.path("Libs").forEach(l -> libraries.add(l.asText()));
            images.add(new Image(im.path("Machine").asLong(), im.path("Bits").asInt(), im.path("ByteOrder").asText(),
                    im.path("Type").asLong(), im.path("Entry").asLong(), im.path("Interp").asText(""), libraries));
        }
        BuildInfoView info = null;
        if (answer.hasNonNull("BuildInfo")) {
            JsonNode bi = answer.get("BuildInfo");
            List<Module> deps = new ArrayList<>();
            bi.path("Deps").forEach(d -> deps.add(module(d)));
            List<BuildSetting> settings = new ArrayList<>();
            bi.path("Settings").forEach(s -> settings.add(new BuildSetting(s.path("Key").asText(""), s.path("Value").asText(""))));
            info = new BuildInfoView(bi.path("GoVersion").asText(""), bi.path("Path").asText(""), module(bi.path("Main")), deps, settings);
        }
        return new Seen(null, images, info, answer.hasNonNull("BuildInfoErr") ? answer.get("BuildInfoErr").asText() : null);
    }

    /** Empty when both sides agree; otherwise the disagreement, {@code "<category> | <detail>"}. */
    static Optional<String> between(Seen ours, Seen go) {
        if (ours.error() != null || go.error() != null) {
            if (ours.error() != null && go.error() != null) {
                return Optional.empty();
            }
            return Optional.of(ours.error() != null
                    ? "we reject, Go accepts: " + shape(ours.error()) + " | " + ours.error()
                    : "we accept, Go rejects: " + shape(go.error()) + " | " + go.error());
        }
        if (ours.images().size() != go.images().size()) {
            return Optional.of("image count | ours " + ours.images().size() + ", Go " + go.images().size());
        }
        for (int i = 0; i < ours.images().size(); i++) {
            Image a = ours.images().get(i);
            Image b = go.images().get(i);
            for (String field : List.of("machine", "bits", "byteOrder", "type", "entry", "interpreter", "libraries")) {
                Object x = get(a, field);
                Object y = get(b, field);
                if (field.equals("interpreter") && !x.equals(y) && x.equals(cString((String) y))) {
                    return Optional.of("interpreter: Go keeps the bytes after the first NUL | image " + i + ": ours " + x
                            + ", Go " + y);
                }
                if (!x.equals(y)) {
                    return Optional.of("field " + field + " | image " + i + ": ours " + x + ", Go " + y);
                }
            }
        }
        return buildInfo(ours, go);
    }

    private static Optional<String> buildInfo(Seen ours, Seen go) {
        boolean goNotGo = go.buildInfoError() != null && go.buildInfoError().equals("not a Go executable");
        if (ours.buildInfo() != null && go.buildInfo() != null) {
            return ours.buildInfo().equals(go.buildInfo()) ? Optional.empty()
                    : Optional.of("build info differs | ours " + ours.buildInfo() + ", Go " + go.buildInfo());
        }
        if (ours.buildInfo() == null && ours.buildInfoError() == null && goNotGo) {
            return Optional.empty(); // both: not a Go binary
        }
        if (ours.buildInfoError() != null && go.buildInfoError() != null && !goNotGo) {
            return Optional.empty(); // both: a damaged blob
        }
        String oursSays = ours.buildInfo() != null ? "read" : ours.buildInfoError() != null ? "error " + shape(ours.buildInfoError()) : "none";
        String goSays = go.buildInfo() != null ? "read" : "error " + shape(go.buildInfoError());
        return Optional.of("build info: ours " + oursSays + ", Go " + goSays + " | ours " + ours.buildInfoError() + "; Go "
                + go.buildInfoError());
    }

    private static String cString(String value) {
        int nul = value.indexOf('\0');
        return nul < 0 ? value : value.substring(0, nul);
    }

    static String category(String disagreement) {
        return disagreement.substring(0, disagreement.indexOf(" | "));
    }

    /** A message without its numbers and quoted names, so that one cause gives one category. */
    static String shape(String message) {
        return message.replaceAll("0x[0-9a-fA-F]+", "N").replaceAll("\\d+", "N").replaceAll("\"[^\"]*\"", "\"…\"")
                .replaceAll("'[^']*'", "'…'");
    }

    private static Object get(Image image, String field) {
        return switch (field) {
            case "machine" -> image.machine();
            case "bits" -> image.bits();
            case "byteOrder" -> image.byteOrder();
            case "type" -> image.type();
            case "entry" -> image.entry();
            case "interpreter" -> image.interpreter();
            default -> image.libraries();
        };
    }

    private static Module module(JsonNode m) {
        Module module = new Module(m.path("Path").asText(""), m.path("Version").asText(""), m.path("Sum").asText(""));
        return m.hasNonNull("Replace") ? module.withReplace(module(m.get("Replace"))) : module;
    }
}
