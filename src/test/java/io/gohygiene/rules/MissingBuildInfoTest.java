package io.gohygiene.rules;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryInspector;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.testing.BinaryFiles;
import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.gohygiene.rules.RulesBTestSupport.assertContainsAll;
import static io.gohygiene.rules.RulesBTestSupport.patchedCopy;
import static io.gohygiene.rules.RulesBTestSupport.row;
import static io.gohygiene.rules.RulesBTestSupport.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A binary that must be Go (the build goal made it, or the user said so) fails rule buildinfo when its build info is
 * gone or cannot be read, with the default rules; one nobody said is Go keeps the old information row.
 */
class MissingBuildInfoTest {

    private static final int E_PHNUM_64 = 0x38;

    private final BinaryVerifier verifier = new BinaryVerifier(RuleCatalog.all(), VerifyPolicy.of(RuleSettings.none()));

    @Test
    void aGoBinaryWithItsBuildInfoMagicZeroedFailsInEveryFormat(@TempDir Path dir) throws Exception {
        for (String target : List.of("linux/amd64", "darwin/arm64", "windows/amd64")) {
            String[] p = target.split("/");
            String name = "damaged-" + p[0] + (p[0].equals("windows") ? ".exe" : "");
            Path damaged = zeroedMagic(GoBinaries.build(p[0], p[1]), dir.resolve(name));

            List<Finding> findings = verifier.verify(damaged, Path.of(name), Target.parse(target)).findings();
            Finding row = buildInfoRow(findings);
            assertEquals(Verdict.FAIL, row.verdict(), () -> target + ":\n" + table(findings));
            assertEquals("buildinfo", row.check());
            assertContainsAll(row.message(), name, "must be a Go binary", "no readable Go build info", "no build-info magic",
                    "damaged or rewritten after the build");
            assertContainsAll(row.hint(), "go version -m");
            assertEquals("Go build info", row.expected());
        }
    }

    @Test
    void theSameDamageIsInformationForABinaryNobodySaidIsGo(@TempDir Path dir) throws Exception {
        Path damaged = zeroedMagic(GoBinaries.build("linux", "amd64"), dir.resolve("tool"));
        List<Finding> findings = verifier.verify(damaged, Path.of("tool"), Target.parse("linux/amd64"), false).findings();
        assertEquals(Verdict.INFO, buildInfoRow(findings).verdict());
        assertContainsAll(buildInfoRow(findings).message(), "not a Go binary");
        assertTrue(findings.stream().noneMatch(f -> f.verdict() == Verdict.FAIL), () -> table(findings));
    }

    @Test
    void anElfWithNoProgramHeadersFailsBuildinfoAndLoadable(@TempDir Path dir) throws Exception {
        Path damaged = patchedCopy(GoBinaries.build("linux", "amd64"), dir, "no-phdrs", ByteOrder.LITTLE_ENDIAN,
                b -> b.putShort(E_PHNUM_64, (short) 0));
        List<Finding> findings = verifier.verify(damaged, Path.of("no-phdrs"), Target.parse("linux/amd64")).findings();
        Finding buildInfo = buildInfoRow(findings);
        assertEquals(Verdict.FAIL, buildInfo.verdict(), () -> table(findings));
        assertContainsAll(buildInfo.message(), "no-phdrs", "lie in no segment that maps file bytes");
        assertEquals(Verdict.FAIL, row(findings, "loadable").verdict(), () -> table(findings));
    }

    @Test
    void aGoBinaryWithMalformedBuildInfoFailsBuildinfoAndIsStillChecked(@TempDir Path dir) throws Exception {
        Path exe = GoBinaries.build("linux", "amd64");
        long blob = magicOffsets(exe).get(0);
        // Go 1.18+ inline layout: the 32-byte header, then the uvarint length of the Go version; 0 leaves it empty.
        Path damaged = patchedCopy(exe, dir, "empty-version", ByteOrder.LITTLE_ENDIAN, b -> b.put(Math.toIntExact(blob + 32), (byte) 0));
        BinaryFormatException thrown = assertThrows(BinaryFormatException.class, () -> BinaryInspector.inspect(damaged),
                "inspect still calls a malformed blob an error");
        assertContainsAll(thrown.getMessage(), "empty Go version");

        for (boolean goBinary : List.of(true, false)) {
            List<Finding> findings = verifier.verify(damaged, Path.of("empty-version"), Target.parse("linux/amd64"), goBinary).findings();
            Finding row = buildInfoRow(findings);
            assertEquals(Verdict.FAIL, row.verdict(), () -> table(findings));
            assertContainsAll(row.message(), "empty-version has Go build info that cannot be read", "empty Go version", "file offset");
            assertContainsAll(row.hint(), "go version -m");
            assertEquals(Verdict.PASS, row(findings, "loadable").verdict(), "the other rules still ran");
        }
    }

    @Test
    void anIntactGoBinaryPassesAndTheOldSignatureMeansGo() throws Exception {
        Path exe = GoBinaries.build("linux", "amd64");
        List<Finding> findings = verifier.verify(exe, Path.of("tiny"), Target.parse("linux/amd64")).findings();
        assertTrue(findings.stream().noneMatch(f -> f.verdict().isProblem()), () -> table(findings));
        assertTrue(findings.stream().noneMatch(f -> f.check().equals(BuildInfoRule.ID) && f.subject().equals("build info")), "build info was read");
    }

    /** The buildinfo rule's row (the target rule has a "build info" row too). */
    private static Finding buildInfoRow(List<Finding> findings) {
        return row(findings.stream().filter(f -> f.check().equals(BuildInfoRule.ID)).toList(), "build info");
    }

    /** The file offsets of every 16-byte aligned build-info magic in {@code file}. */
    private static List<Long> magicOffsets(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] magic = BinaryFiles.BUILDINFO_MAGIC;
        List<Long> offsets = new java.util.ArrayList<>();
        for (int i = 0; i + magic.length <= bytes.length; i += 16) {
            if (Arrays.equals(bytes, i, i + magic.length, magic, 0, magic.length)) {
                offsets.add((long) i);
            }
        }
        assertTrue(!offsets.isEmpty(), "no build-info magic in " + file);
        return offsets;
    }

    /** A copy of {@code source} at {@code target} with every 16-byte aligned build-info magic zeroed. */
    private static Path zeroedMagic(Path source, Path target) {
        List<Long> offsets = magicOffsets(source);
        int length = BinaryFiles.BUILDINFO_MAGIC.length;
        return patchedCopy(source, target.getParent(), target.getFileName().toString(), ByteOrder.LITTLE_ENDIAN,
                b -> offsets.forEach(at -> b.put(Math.toIntExact(at), new byte[length])));
    }
}
