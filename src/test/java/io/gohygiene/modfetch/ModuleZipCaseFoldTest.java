package io.gohygiene.modfetch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ModuleZip refuses two names that Go's strings.EqualFold holds equal. Java has no unicode.SimpleFold, so the fold
 * it uses is checked here against Go's strToFold for every code point: the two must split the code points into the
 * same classes, except for characters newer than this JDK's Unicode.
 */
class ModuleZipCaseFoldTest {

    /** x/mod/zip's strToFold, one rune at a time, for every rune: "hex(rune) hex(fold)". */
    private static final String GO_FOLD = String.join("\n",
            "package main",
            "",
            "import (",
            "\t\"bufio\"",
            "\t\"fmt\"",
            "\t\"os\"",
            "\t\"unicode\"",
            ")",
            "",
            "func main() {",
            "\tw := bufio.NewWriter(os.Stdout)",
            "\tdefer w.Flush()",
            "\tfor r := rune(0); r <= unicode.MaxRune; r++ {",
            "\t\tif r >= 0xD800 && r <= 0xDFFF {",
            "\t\t\tcontinue",
            "\t\t}",
            "\t\tf := r",
            "\t\tfor {",
            "\t\t\tr0 := f",
            "\t\t\tf = unicode.SimpleFold(r0)",
            "\t\t\tif f <= r0 {",
            "\t\t\t\tbreak",
            "\t\t\t}",
            "\t\t}",
            "\t\tif 'A' <= f && f <= 'Z' {",
            "\t\t\tf += 'a' - 'A'",
            "\t\t}",
            "\t\tfmt.Fprintf(w, \"%x %x\\n\", r, f)",
            "\t}",
            "}",
            "");

    @TempDir
    Path temp;

    @Test
    void theFoldSplitsCodePointsIntoGosClasses() throws Exception {
        assumeTrue(GoModDownload.unavailableReason().isEmpty(), () -> GoModDownload.unavailableReason().orElse(""));
        Map<Integer, Integer> goFold = goFold();
        assertEquals(0x110000 - 0x800, goFold.size(), "every rune but the surrogates");

        Map<Integer, Integer> goByJava = new HashMap<>();
        Map<Integer, Integer> javaByGo = new HashMap<>();
        List<String> differences = new ArrayList<>();
        int folded = 0;
        for (Map.Entry<Integer, Integer> rune : goFold.entrySet()) {
            int c = rune.getKey();
            int go = rune.getValue();
            if (!Character.isDefined(c) || !Character.isDefined(go)) {
                continue; // newer than this JDK's Unicode: Java folds it to itself, a difference go might not make
            }
            int java = ModuleFilePaths.fold(Character.toString(c)).codePointAt(0);
            Integer goBefore = goByJava.putIfAbsent(java, go);
            Integer javaBefore = javaByGo.putIfAbsent(go, java);
            if (goBefore != null && goBefore != go || javaBefore != null && javaBefore != java) {
                differences.add(String.format("U+%04X: Go folds it to U+%04X, Java to U+%04X", c, go, java));
            }
            folded += c != go ? 1 : 0;
        }
        assertTrue(folded > 1000, "Go folds " + folded + " code points to another; is the program right?");
        assertEquals(List.of(), differences);
    }

    @Test
    void theCasesGoTreatsSpeciallyFoldAsInGo() {
        assertEquals(ModuleFilePaths.fold("k"), ModuleFilePaths.fold("\u212A"), "Kelvin sign");
        assertEquals(ModuleFilePaths.fold("s"), ModuleFilePaths.fold("\u017F"), "long s");
        assertEquals(ModuleFilePaths.fold("\u03C3"), ModuleFilePaths.fold("\u03C2"), "final sigma");
        assertEquals(ModuleFilePaths.fold("\u00DF"), ModuleFilePaths.fold("\u1E9E"), "capital sharp s");
        assertEquals("i\u0130\u0131", ModuleFilePaths.fold("I\u0130\u0131"), "the Turkish i's stay apart from i");
    }

    private Map<Integer, Integer> goFold() throws Exception {
        Path program = Files.createDirectories(temp.resolve("gofold"));
        Files.writeString(program.resolve("go.mod"), "module gofold\n\ngo 1.21\n");
        Files.writeString(program.resolve("main.go"), GO_FOLD);
        ProcessBuilder builder = new ProcessBuilder("go", "run", ".").directory(program.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("GOFLAGS", "-mod=mod");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertEquals(0, process.waitFor(), "go run of the fold program");
        Map<Integer, Integer> fold = new HashMap<>();
        for (String line : output.split("\n")) {
            int space = line.indexOf(' ');
            fold.put(Integer.parseInt(line, 0, space, 16), Integer.parseInt(line, space + 1, line.length(), 16));
        }
        return fold;
    }
}
