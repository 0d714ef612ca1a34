package io.gohygiene.modvendor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CgoNeedFinderTest {

    @TempDir
    Path module;

    @Test
    void followsIncludeChainsThroughSubDirectoriesAndParents() throws IOException {
        write("binding.go", "package b\n\n// #include \"lib/src/all.c\"\nimport \"C\"\n");
        write("lib/src/all.c", "#include \"inner.h\"\n#include \"../include/api.h\"\n");
        write("lib/src/inner.h", "/* reached from all.c's own directory */\n");
        write("lib/include/api.h", "#include \"detail/x.h\"\n");
        write("lib/include/detail/x.h", "\n");
        write("lib/src/other.c", "int other;\n");

        Map<String, String> needs = needs("");

        assertEquals(List.of("lib/include/api.h", "lib/include/detail/x.h", "lib/src/all.c", "lib/src/inner.h"),
                List.copyOf(needs.keySet()));
        assertEquals("#include \"lib/src/all.c\" in binding.go", needs.get("lib/src/all.c"));
        assertEquals("#include \"../include/api.h\" in lib/src/all.c", needs.get("lib/include/api.h"));
    }

    @Test
    void angleIncludesSearchTheCgoIncludeDirectoriesAndThePackageDirectory() throws IOException {
        write("pkg/b.go", "package b\n\n/*\n#cgo CFLAGS: -I${SRCDIR}/../third_party/include -I ../vendored\n"
                + "#include <tp.h>\n#include <local.h>\n#include <stdio.h>\n*/\nimport \"C\"\n");
        write("pkg/local.h", "\n");
        write("third_party/include/tp.h", "#include <tp_config.h>\n");
        write("third_party/include/tp_config.h", "\n");
        write("vendored/v.h", "\n");

        Map<String, String> needs = needs("pkg");

        assertTrue(needs.containsKey("third_party/include/tp.h"), needs.toString());
        assertTrue(needs.containsKey("third_party/include/tp_config.h"), needs.toString());
        assertTrue(needs.containsKey("pkg/local.h"), needs.toString());
        assertTrue(needs.get("vendored/v.h").startsWith("-I../vendored (#cgo CFLAGS in pkg/b.go)"), needs.toString());
    }

    @Test
    void libraryDirectoriesAndLibraryFilesOfLdflagsForEveryPlatform() throws IOException {
        write("bls.go", "package bls\n\n/*\n#cgo linux,amd64 LDFLAGS: -L${SRCDIR}/lib/linux/amd64 -lbls\n"
                + "#cgo darwin,arm64 LDFLAGS: ${SRCDIR}/lib/darwin/arm64/libbls.a\n#cgo windows LDFLAGS: -L'${SRCDIR}/lib/win dows'\n*/\nimport \"C\"\n");
        write("lib/linux/amd64/libbls.a", "!<arch>\n");
        write("lib/linux/amd64/README", "not a library\n");
        write("lib/darwin/arm64/libbls.a", "!<arch>\n");
        write("lib/win dows/bls.lib", "lib\n");

        Map<String, String> needs = needs("");

        assertEquals(List.of("lib/darwin/arm64/libbls.a", "lib/linux/amd64/libbls.a", "lib/win dows/bls.lib"), List.copyOf(needs.keySet()));
    }

    @Test
    void cFilesOfTheBuildConstraintsOfOtherPlatformsCountToo() throws IOException {
        write("x.go", "//go:build darwin\n\npackage x\n\n// #include \"mac/glue.h\"\nimport \"C\"\n");
        write("x_windows.c", "#include \"win/glue.h\"\n");
        write("mac/glue.h", "\n");
        write("win/glue.h", "\n");
        assertEquals(List.of("mac/glue.h", "win/glue.h"), List.copyOf(needs("").keySet()));
    }

    @Test
    void reportsQuotedIncludesFoundNowhereButNotSystemOrGoAssemblyHeaders() throws IOException {
        write("a.go", "package a\n\n/*\n#include \"config.h\"\n#include <stdlib.h>\n*/\nimport \"C\"\n");
        write("a_amd64.s", "#include \"textflag.h\"\n#include \"go_asm.h\"\n");
        CgoNeedFinder.Result result = CgoNeedFinder.find(module, List.of(""));
        assertEquals(List.of(new CgoNeedFinder.Unresolved("a.go", "config.h")), result.unresolved());
        assertTrue(result.needs().isEmpty());
    }

    @Test
    void packagesWithoutCAreSkippedAndIncludesOutsideTheModuleAreIgnored() throws IOException {
        write("pure/p.go", "package pure\n\nconst s = \"import \\\"C\\\"\"\n");
        write("pure/sub/x.h", "\n");
        write("c/c.go", "package c\n\n// #include \"../../outside.h\"\nimport \"C\"\n");
        Files.writeString(module.getParent().resolve("outside.h"), "\n");
        CgoNeedFinder.Result result = CgoNeedFinder.find(module, List.of("pure", "c"));
        assertEquals(List.of("c"), result.cgoPackages());
        assertTrue(result.needs().isEmpty(), result.needs().toString());
    }

    @Test
    void includesThroughAPathMacroAreFollowedWhereverTheDefineIs() throws IOException {
        // karalabe/hid: #define HIDAPI_THREAD_MODEL_INCLUDE "hidapi_thread_pthread.h" then #include HIDAPI_THREAD_MODEL_INCLUDE
        write("hid.go", "package hid\n\n/*\n#cgo CFLAGS: -I${SRCDIR}/lib\n#include \"lib/hid.c\"\n*/\nimport \"C\"\n");
        write("lib/hid.c", "#include THREAD_MODEL /* chosen by config */\n#include \"config.h\"\n");
        write("lib/config.h", "#define THREAD_MODEL \"threads/pthread.h\"\n");
        write("lib/threads/pthread.h", "\n");
        Map<String, String> needs = needs("");
        assertEquals("#include THREAD_MODEL (\"threads/pthread.h\") in lib/hid.c", needs.get("lib/threads/pthread.h"), needs.toString());
    }

    @Test
    void includeCyclesEnd() throws IOException {
        write("a.go", "package a\n\n// #include \"h/a.h\"\nimport \"C\"\n");
        write("h/a.h", "#include \"b.h\"\n");
        write("h/b.h", "#include \"a.h\"\n");
        assertEquals(List.of("h/a.h", "h/b.h"), List.copyOf(needs("").keySet()));
    }

    @Test
    void commentLinesSkipStringLiterals() {
        assertEquals(List.of(" one", " two", "three"), CgoNeedFinder.commentLines("x := \"// not\" // one\n/* two\nthree*/ `/* no */`"));
    }

    @Test
    void cgoFlagsSplitLikeCgo() {
        assertEquals(List.of("-I/a b", "-DX=\"y\"", "-L", "c\\d"), CgoFlags.split(" '-I/a b'  -DX=\\\"y\\\" -L c\\\\d "));
    }

    private Map<String, String> needs(String packageDir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (CgoNeedFinder.Need n : CgoNeedFinder.find(module, List.of(packageDir)).needs()) {
            out.put(n.path(), n.reason());
        }
        return out;
    }

    private void write(String path, String text) throws IOException {
        Path f = module.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}
