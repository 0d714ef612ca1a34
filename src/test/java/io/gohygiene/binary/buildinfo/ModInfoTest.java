package io.gohygiene.binary.buildinfo;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The module-info grammar of runtime/debug.ParseBuildInfo, case by case (ModInfoDifferentialTest checks it against Go). */
class ModInfoTest {

    @Test
    void readsPathMainDepsReplacementsAndSettingsInOrder() throws Exception {
        ModInfo info = ModInfo.parse("""
                path\texample.com/app/cmd/app
                mod\texample.com/app\t(devel)\t
                dep\tgolang.org/x/text\tv0.3.0\th1:abc=
                dep\texample.com/local\tv0.0.0
                =>\t./local\t(devel)\t

                dep\trsc.io/sampler\tv1.3.0
                =>\trsc.io/sampler\tv1.99.99\th1:def=

                build\t-buildmode=exe
                build\tGOOS=linux
                """);
        assertEquals("example.com/app/cmd/app", info.path());
        assertEquals(new Module("example.com/app", "(devel)", ""), info.main());
        assertEquals(List.of(
                new Module("golang.org/x/text", "v0.3.0", "h1:abc="),
                new Module("example.com/local", "v0.0.0", "").withReplace(new Module("./local", "(devel)", "")),
                new Module("rsc.io/sampler", "v1.3.0", "").withReplace(new Module("rsc.io/sampler", "v1.99.99", "h1:def="))),
                info.deps());
        assertEquals(List.of(new BuildSetting("-buildmode", "exe"), new BuildSetting("GOOS", "linux")), info.settings());
    }

    @Test
    void replacesTheMainModule() throws Exception {
        ModInfo info = ModInfo.parse("mod\texample.com/app\tv1.0.0\n=>\t../app\t\t\n");
        assertEquals(new Module("example.com/app", "v1.0.0", "").withReplace(new Module("../app", "", "")), info.main());
    }

    @Test
    void ignoresUnknownLinesAndALastLineWithoutNewline() throws Exception {
        ModInfo info = ModInfo.parse("go\tgo1.22\nsomething else\npath\tp\nbuild\tGOOS=linux");
        assertEquals("p", info.path());
        assertEquals(List.of(), info.settings(), "Go drops a last line that has no newline");
    }

    @Test
    void unquotesKeysAndValuesAsStrconvDoes() throws Exception {
        ModInfo info = ModInfo.parse("""
                build\t-ldflags="-X main.v=1 -X \\"main.w=a b\\""
                build\t"key with space"=`raw \\n value`
                build\tCGO_CFLAGS="-O2\\t-g\\n\\\\x"
                build\tX="\\x41\\u00e9\\U0001F600\\101\\a"
                build\tEMPTY=
                build\tBYTES="\\xe2\\x82\\xac\\xff"
                """);
        assertEquals(List.of(
                new BuildSetting("-ldflags", "-X main.v=1 -X \"main.w=a b\""),
                new BuildSetting("key with space", "raw \\n value"),
                new BuildSetting("CGO_CFLAGS", "-O2\t-g\n\\x"),
                new BuildSetting("X", "A\u00e9\uD83D\uDE00A\u0007"),
                new BuildSetting("EMPTY", ""),
                new BuildSetting("BYTES", "\u20ac\uFFFD")), info.settings());
    }

    @Test
    void settingReturnsTheFirstValueOfAKey() {
        BuildInfo info = new BuildInfo("go1.22.0", "", Module.NONE, List.of(),
                List.of(new BuildSetting("GOOS", "linux"), new BuildSetting("GOOS", "darwin")), 8, false, true);
        assertEquals(Optional.of("linux"), info.setting("GOOS"));
        assertEquals(Optional.empty(), info.setting("GOARCH"));
    }

    @Test
    void rejectsWhatParseBuildInfoRejectsNamingTheLine() {
        assertRejected(2, "expected 2 or 3 columns; got 4", "path\tp\ndep\ta\tb\tc\td\n");
        assertRejected(1, "expected 2 or 3 columns; got 1", "mod\tonly\n");
        assertRejected(1, "replacement with no module on previous line", "=>\ta\tb\tc\n");
        assertRejected(3, "replacement with no module on previous line", "dep\ta\tv\n=>\tb\tv\ts\n=>\tc\tv\ts\n");
        assertRejected(2, "expected 3 columns for replacement; got 2", "dep\ta\tv\n=>\tb\tv\n");
        assertRejected(1, "build line missing '='", "build\t\n");
        assertRejected(1, "build line with missing key", "build\t=x\n");
        assertRejected(1, "build line missing '=' after key", "build\tnovalue\n");
        assertRejected(1, "must be quoted", "build\tkey x=1\n");
        assertRejected(1, "must be quoted", "build\tk=a b\n");
        assertRejected(1, "invalid quoted key", "build\t\"unterminated=1\n");
        assertRejected(1, "build line missing '=' after quoted key", "build\t\"k\"\n");
        assertRejected(1, "unexpected character after quoted key", "build\t\"k\"x=1\n");
        assertRejected(1, "invalid quoted value", "build\tk=\"bad \\q escape\"\n");
        assertRejected(1, "invalid quoted value", "build\tk=\"a\"b\n");
        assertRejected(1, "invalid quoted value", "build\tk=\"\\400\"\n");
        assertRejected(1, "invalid quoted value", "build\tk=\"\\uD800\"\n");
        assertRejected(1, "invalid quoted value", "build\tk=\"\\'\"\n");
    }

    private static void assertRejected(int line, String reason, String text) {
        ModInfoSyntaxException e = assertThrows(ModInfoSyntaxException.class, () -> ModInfo.parse(text), text);
        assertEquals(line, e.line(), text);
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
