package io.gohygiene.toolchain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoFlagsTest {

    private static GoFlags.Flag only(String goflags, boolean vendored) {
        List<GoFlags.Flag> flags = GoFlags.classify(goflags, vendored);
        assertEquals(1, flags.size(), flags.toString());
        return flags.get(0);
    }

    @Test
    void flagsThatChangeHowGoWorksButNotTheBinaryAreKept() {
        for (String flag : List.of("-buildvcs=false", "-buildvcs=true", "-modcacherw", "-p=2", "-v", "-x", "-work", "-a", "--buildvcs=false")) {
            assertTrue(only(flag, false).kept(), flag);
        }
        assertEquals("VCS stamping in the build info only", only("-buildvcs=false", false).reason());
    }

    @Test
    void flagsThatChangeTheBinaryAreDroppedNamingThePomElementThatDecides() {
        assertEquals("changes the binary: <tags> decides", only("-tags=netgo", false).reason());
        assertEquals("changes the binary: <ldflags> decides", only("-ldflags=-s", false).reason());
        assertEquals("changes the binary: <trimpath> decides", only("-trimpath", false).reason());
        for (String flag : List.of("-race", "-gcflags=all=-N", "-cover", "-pgo=off", "-toolexec=x", "-overlay=o.json", "-modfile=alt.mod", "-buildmode=pie")) {
            assertFalse(only(flag, false).kept(), flag);
        }
        assertFalse(only("-n", false).kept(), "-n builds nothing");
        assertEquals("not known to leave the binary alone: put it in <buildFlags>", only("-frobnicate", false).reason());
    }

    @Test
    void modIsKeptOnlyWhereItAgreesWithVendor() {
        assertTrue(only("-mod=vendor", true).kept());
        assertEquals("vendor/ exists: the build uses -mod=vendor", only("-mod=mod", true).reason());
        assertFalse(only("-mod=readonly", true).kept(), "readonly would ignore vendor/");
        assertTrue(only("-mod=readonly", false).kept());
        assertFalse(only("-mod=mod", false).kept(), "lets go edit go.mod");
        assertFalse(only("-mod=vendor", false).kept(), "no vendor/ to read");
    }

    @Test
    void goflagsAreSplitAsGoSplitsThemAndJoinedBack() {
        List<GoFlags.Flag> flags = GoFlags.classify("  -buildvcs=false '-ldflags=-s -w'   -p=4 -race ", false);
        assertEquals(List.of("-buildvcs=false", "-ldflags=-s -w", "-p=4", "-race"), flags.stream().map(GoFlags.Flag::text).toList());
        assertEquals("-buildvcs=false -p=4", GoFlags.kept(flags));
        assertEquals("-ldflags=-s -w -race", GoFlags.dropped(flags));
        assertEquals(List.of(), GoFlags.classify("", false));
    }
}
