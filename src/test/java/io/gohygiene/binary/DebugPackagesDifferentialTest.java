package io.gohygiene.binary;

import com.fasterxml.jackson.databind.JsonNode;
import io.gohygiene.binary.buildinfo.BuildInfo;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.macho.Dylib;
import io.gohygiene.binary.macho.MachoFile;
import io.gohygiene.binary.pe.PeFile;
import io.gohygiene.testing.BinaryMutants;
import io.gohygiene.testing.DebugOracle;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.Lipo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our parsers against Go's own debug/elf, debug/macho, debug/pe and debug/buildinfo ({@link DebugOracle}) on real
 * binaries of every format and deterministic mutants of them ({@link BinaryMutants}): for each file both accept it
 * and agree field by field (machine, bits, byte order, file type, entry point, interpreter, libraries, build info),
 * or both reject it. Every disagreement must fall into a category of {@link DebugDisagreements#EXPLAINED}, which
 * says why the two legitimately differ; a new kind of disagreement fails the test until it is explained or fixed.
 */
class DebugPackagesDifferentialTest {

    @Test
    void agreesWithGoDebugPackagesOrDisagreesForAnExplainedReason(@TempDir Path dir) throws Exception {
        Map<String, Path> originals = originals();
        List<Path> files = new ArrayList<>();
        Map<Path, String> names = new LinkedHashMap<>();
        long seed = 20261204;
        for (Map.Entry<String, Path> original : originals.entrySet()) {
            byte[] content = Files.readAllBytes(original.getValue());
            Path sub = Files.createDirectories(dir.resolve("f" + files.size()));
            files.add(Files.write(sub.resolve("original"), content));
            names.put(files.get(files.size() - 1), original.getKey());
            int n = 0;
            for (BinaryMutants.Mutant mutant : BinaryMutants.of(content, seed++)) {
                Path file = Files.write(sub.resolve("m" + n++), mutant.content());
                files.add(file);
                names.put(file, original.getKey() + ", " + mutant.name());
            }
        }
        List<JsonNode> go = DebugOracle.read(files, dir);

        Map<String, List<String>> byCategory = new TreeMap<>();
        int agreed = 0;
        int bothRejected = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            DebugDisagreements.Seen ourView = ours(file);
            Optional<String> disagreement = DebugDisagreements.between(ourView, DebugDisagreements.goSees(go.get(i)));
            if (disagreement.isEmpty()) {
                agreed++;
                bothRejected += ourView.error() != null ? 1 : 0;
                continue;
            }
            if (file.getFileName().toString().equals("original")) {
                throw new AssertionError(names.get(file) + " (unmutated): " + disagreement.get());
            }
            byCategory.computeIfAbsent(DebugDisagreements.category(disagreement.get()), c -> new ArrayList<>())
                    .add(names.get(file) + ": " + disagreement.get());
        }
        StringBuilder summary = new StringBuilder(String.format("%d files (%d real binaries and their mutants): %d agree"
                + " (%.1f%%: %d both accept with the same facts, %d both reject)%n", files.size(), originals.size(), agreed,
                100.0 * agreed / files.size(), agreed - bothRejected, bothRejected));
        byCategory.forEach((category, cases) -> {
            summary.append(String.format("  %4d  %s%n", cases.size(), category));
            cases.forEach(c -> summary.append("          ").append(c.replaceAll("\\p{Cntrl}", "?")).append('\n'));
        });
        System.out.println(summary);
        List<String> unexplained = byCategory.keySet().stream().filter(c -> !DebugDisagreements.EXPLAINED.containsKey(c)).toList();
        assertTrue(unexplained.isEmpty(), "disagreements with Go's debug packages that no category explains: "
                + unexplained + "\n" + summary);
        assertTrue(agreed > files.size() / 2, summary.toString());
    }

    /** Real executables of every format: both ELF classes and byte orders, dynamic cgo, Mach-O thin and universal, PE32(+). */
    private static Map<String, Path> originals() {
        Map<String, Path> binaries = new LinkedHashMap<>();
        binaries.put("linux/amd64", GoBinaries.build("linux", "amd64"));
        binaries.put("linux/386", GoBinaries.build("linux", "386"));
        binaries.put("linux/ppc64", GoBinaries.build("linux", "ppc64"));
        binaries.put("cgo linux/amd64", GoBinaries.build("cgo", "linux", "amd64", Map.of("CGO_ENABLED", "1", "CC", "gcc")));
        binaries.put("withdeps linux/arm64", GoBinaries.build("withdeps", "linux", "arm64", Map.of()));
        binaries.put("darwin/arm64", GoBinaries.build("darwin", "arm64"));
        binaries.put("darwin/amd64+arm64", Lipo.create(Path.of("target/test-binaries/tiny-universal-darwin").toAbsolutePath(),
                List.of(GoBinaries.build("darwin", "amd64"), GoBinaries.build("darwin", "arm64"))));
        binaries.put("windows/amd64", GoBinaries.build("windows", "amd64"));
        binaries.put("windows/386", GoBinaries.build("windows", "386"));
        return binaries;
    }

    /** What our BinaryInspector sees, in the oracle's terms. */
    private static DebugDisagreements.Seen ours(Path file) {
        BinaryReport report;
        try {
            report = BinaryInspector.inspectKeepingBuildInfoErrors(file);
        } catch (BinaryFormatException e) {
            return DebugDisagreements.Seen.rejected(e.reason());
        }
        List<DebugDisagreements.Image> images = new ArrayList<>();
        for (InspectedImage inspected : report.images()) {
            images.add(image(inspected.executable()));
        }
        // Go's debug/buildinfo reads the first slice of a universal file only.
        InspectedImage first = report.images().get(0);
        String buildInfoError = first.buildInfoError().map(BinaryFormatException::reason).orElse(null);
        return new DebugDisagreements.Seen(null, images, first.buildInfo().map(DebugPackagesDifferentialTest::view).orElse(null),
                buildInfoError);
    }

    private static DebugDisagreements.Image image(ExecutableFile executable) {
        if (executable instanceof ElfFile elf) {
            return new DebugDisagreements.Image(Integer.toUnsignedLong(elf.header().machine()), elf.header().is64() ? 64 : 32,
                    order(elf.byteOrder()), elf.header().type(), elf.header().entry(), elf.interpreter().orElse(""), elf.needed());
        } else if (executable instanceof MachoFile macho) {
            return new DebugDisagreements.Image(Integer.toUnsignedLong(macho.cputype()), macho.is64() ? 64 : 32,
                    order(macho.byteOrder()), macho.filetype(), 0, "",
                    macho.dylibs().stream().filter(d -> d.kind() == Dylib.Kind.LOAD).map(Dylib::name).toList());
        } else if (executable instanceof PeFile pe) {
            return new DebugDisagreements.Image(pe.machine(), pe.isPe32Plus() ? 64 : 32, "little", pe.characteristics(),
                    pe.optionalHeader().addressOfEntryPoint(), "", pe.importedDlls());
        }
        throw new IllegalStateException("unknown image " + executable);
    }

    private static DebugDisagreements.BuildInfoView view(BuildInfo info) {
        return new DebugDisagreements.BuildInfoView(info.goVersion(), info.path(), info.main(), info.deps(), info.settings());
    }

    private static String order(ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? "big" : "little";
    }

    @Test
    void theMutantsAreTheSameOnEveryRun() {
        byte[] original = new byte[8192];
        original[0] = 0x7f;
        original[1] = 'E';
        original[2] = 'L';
        original[3] = 'F';
        original[4] = 2;
        original[5] = 1;
        List<BinaryMutants.Mutant> first = BinaryMutants.of(original, 7);
        List<BinaryMutants.Mutant> second = BinaryMutants.of(original, 7);
        assertEquals(first.stream().map(BinaryMutants.Mutant::name).toList(), second.stream().map(BinaryMutants.Mutant::name).toList());
    }
}
