package io.gohygiene.modfetch;

import io.gohygiene.files.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DirHashTest {

    /**
     * By hand, from Hash1's definition ("sha256sum $(find . -type f | sort) | sha256sum"), in a directory holding
     * m@v1.0.0/a.txt ("hello\n"), m@v1.0.0/dir/b.go ("package b\n") and an empty m@v1.0.0/empty:
     * <pre>
     * 5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03  m@v1.0.0/a.txt
     * 983aab874348ab0e62d9fa51e0719b12f570234284c1f21c740bb6d3ca7cf11d  m@v1.0.0/dir/b.go
     * e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  m@v1.0.0/empty
     * </pre>
     * and that summary's SHA-256 in base64 (sha256sum | cut -d' ' -f1 | xxd -r -p | base64).
     */
    private static final String HAND_COMPUTED = "h1:aBzeZfrd0iPRcMeO8l/bam0beKk9dE2SJnd7U0DIGuc=";

    private static final Map<String, String> SMALL_MODULE = Map.of(
            "m@v1.0.0/a.txt", "hello\n",
            "m@v1.0.0/dir/b.go", "package b\n",
            "m@v1.0.0/empty", "");

    /** Names whose order differs between UTF-16 units (String.compareTo) and UTF-8 bytes (Go's sort.Strings). */
    private static final List<String> NAMES = List.of("m@v1/z", "m@v1/\uFF21", "m@v1/\uD83D\uDE00", "m@v1/\u00E9",
            "m@v1/\uE000x", "m@v1/Z", "m@v1/a/b", "m@v1/a-b", "m@v1/\uD800\uDC00", "m@v1/\uFFFD");

    @TempDir
    Path temp;

    @Test
    void hash1OfASmallSetIsTheHandComputedOne() {
        SortedMap<String, byte[]> digests = new TreeMap<>();
        SMALL_MODULE.forEach((name, content) -> digests.put(name, sha256(content)));

        assertEquals(HAND_COMPUTED, DirHash.hash1(digests));
    }

    @Test
    void hashZipOfThatSetIsTheSameWhateverTheEntryOrder() throws IOException {
        List<String> names = new ArrayList<>(SMALL_MODULE.keySet());
        names.sort(null);
        Path zip = zip("forward.zip", names);
        java.util.Collections.reverse(names);
        Path reversed = zip("reversed.zip", names);

        assertEquals(HAND_COMPUTED, DirHash.hashZip(zip));
        assertEquals(HAND_COMPUTED, DirHash.hashZip(reversed));
    }

    @Test
    void aDirectoryEntryCountsAsAnEmptyFileAsInGosHashZip() throws IOException {
        List<String> names = new ArrayList<>(SMALL_MODULE.keySet());
        names.add("m@v1.0.0/dir/");
        SortedMap<String, byte[]> digests = new TreeMap<>();
        names.forEach(name -> digests.put(name, sha256(SMALL_MODULE.getOrDefault(name, ""))));

        assertEquals(DirHash.hash1(digests), DirHash.hashZip(zip("with-directory.zip", names)));
        assertNotEquals(HAND_COMPUTED, DirHash.hash1(digests));
    }

    @Test
    void namesAreSortedAsGoSortsThemNotAsJavaDoes() throws Exception {
        assumeTrue(GoModDownload.unavailableReason().isEmpty(), () -> GoModDownload.unavailableReason().orElse(""));
        List<String> go = goSortAndHash1(NAMES);
        List<String> goOrder = go.subList(0, NAMES.size());
        String goHash = go.get(NAMES.size());

        List<String> javaOrder = new ArrayList<>(NAMES);
        javaOrder.sort(null);
        assertNotEquals(goOrder, javaOrder, "the names must tell the two orders apart, or this test proves nothing");
        List<String> ours = new ArrayList<>(NAMES);
        ours.sort(DirHash.GO_ORDER);
        assertEquals(goOrder, ours);

        // Each file's content is its name; the map's own order (String.compareTo here) must not matter.
        SortedMap<String, byte[]> digests = new TreeMap<>();
        NAMES.forEach(name -> digests.put(name, sha256(name)));
        assertEquals(goHash, DirHash.hash1(digests));
    }

    @Test
    void aNameWithANewlineIsRefusedAsGoRefusesIt() {
        SortedMap<String, byte[]> digests = new TreeMap<>(Map.of("m@v1/a\nb", sha256("")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DirHash.hash1(digests));
        assertEquals("dirhash: file names with newlines are not supported: m@v1/a\nb", e.getMessage());
    }

    /** Go's sort.Strings of the names, then dirhash.Hash1 (x/mod v0.22.0) of files whose content is their name. */
    private List<String> goSortAndHash1(List<String> names) throws Exception {
        Path program = Files.createDirectories(temp.resolve("gosort"));
        Files.writeString(program.resolve("go.mod"), "module gosort\n\ngo 1.21\n\nrequire golang.org/x/mod v0.22.0\n");
        Files.writeString(program.resolve("main.go"), String.join("\n",
                "package main",
                "",
                "import (",
                "\t\"fmt\"",
                "\t\"io\"",
                "\t\"os\"",
                "\t\"sort\"",
                "\t\"strings\"",
                "",
                "\t\"golang.org/x/mod/sumdb/dirhash\"",
                ")",
                "",
                "func main() {",
                "\tnames := append([]string(nil), os.Args[1:]...)",
                "\tsort.Strings(names)",
                "\tfor _, n := range names {",
                "\t\tfmt.Println(n)",
                "\t}",
                "\th, err := dirhash.Hash1(os.Args[1:], func(name string) (io.ReadCloser, error) {",
                "\t\treturn io.NopCloser(strings.NewReader(name)), nil",
                "\t})",
                "\tif err != nil {",
                "\t\tpanic(err)",
                "\t}",
                "\tfmt.Println(h)",
                "}",
                ""));
        List<String> command = new ArrayList<>(List.of("go", "run", "."));
        command.addAll(names);
        ProcessBuilder builder = new ProcessBuilder(command).directory(program.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(Map.of("GOMODCACHE", GoModDownload.MODCACHE.toString(), "GOFLAGS", "-mod=mod -modcacherw",
                "GOPROXY", "https://proxy.golang.org", "GOSUMDB", "sum.golang.org"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), () -> "go run said: " + output);
        List<String> lines = Arrays.asList(output.split("\n"));
        assertEquals(names.size() + 1, lines.size(), () -> "go run said: " + output);
        return lines;
    }

    private Path zip(String fileName, List<String> names) throws IOException {
        Path zip = temp.resolve(fileName);
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (String name : names) {
                out.putNextEntry(new ZipEntry(name));
                out.write(SMALL_MODULE.getOrDefault(name, "").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    private static byte[] sha256(String content) {
        return Sha256.digest().digest(content.getBytes(StandardCharsets.UTF_8));
    }
}
