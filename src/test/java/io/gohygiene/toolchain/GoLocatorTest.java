package io.gohygiene.toolchain;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoLocatorTest {

    private static RecordedProbe machine() {
        return new RecordedProbe("linux")
                .executable("/opt/go1.22/bin/go")
                .executable("/usr/local/go/bin/go")
                .executable("/usr/bin/go")
                .env("GOROOT", "/usr/local/go")
                .env("PATH", "/usr/bin:/bin");
    }

    @Test
    void parameterWinsAndMayNameAGoroot() throws Exception {
        LocatedGo go = new GoLocator(machine()).locate(Optional.of("/opt/go1.22"), Optional.of("/usr/local/go"));
        assertEquals(Path.of("/opt/go1.22/bin/go"), go.executable());
        assertTrue(go.source().contains("<go> parameter"));
    }

    @Test
    void toolchainsXmlComesBeforeGorootAndPath() throws Exception {
        LocatedGo go = new GoLocator(machine()).locate(Optional.empty(), Optional.of("/opt/go1.22/bin/go"));
        assertEquals(Path.of("/opt/go1.22/bin/go"), go.executable());
        assertEquals("toolchains.xml (type go)", go.source());
    }

    @Test
    void gorootComesBeforePath() throws Exception {
        LocatedGo go = new GoLocator(machine()).locate(Optional.empty(), Optional.empty());
        assertEquals(Path.of("/usr/local/go/bin/go"), go.executable());
        assertEquals("GOROOT environment variable", go.source());
    }

    @Test
    void pathIsLastAndTheReportSaysWhatWasTried() throws Exception {
        RecordedProbe probe = machine().env("GOROOT", "/nowhere");
        LocatedGo go = new GoLocator(probe).locate(Optional.empty(), Optional.empty());
        assertEquals(Path.of("/usr/bin/go"), go.executable());
        assertEquals("PATH", go.source());
        assertTrue(go.tried().contains("GOROOT=/nowhere: no go in its bin/"), go.tried().toString());
    }

    @Test
    void anExplicitGoThatDoesNotExistStopsInsteadOfFallingBack() {
        ToolchainException e = assertThrows(ToolchainException.class,
                () -> new GoLocator(machine()).locate(Optional.of("/opt/missing/go"), Optional.empty()));
        assertTrue(e.getMessage().contains("/opt/missing/go"), e.getMessage());
        assertTrue(e.hint().contains("GOROOT"), e.hint());
    }

    @Test
    void noGoAnywhereListsWhereItLookedAndHowToFixIt() {
        RecordedProbe probe = new RecordedProbe("linux").env("PATH", "/usr/bin:/bin");
        ToolchainException e = assertThrows(ToolchainException.class, () -> new GoLocator(probe).locate(Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("PATH: no go in /usr/bin:/bin"), e.getMessage());
        assertTrue(e.getMessage().contains("GOROOT: not set"), e.getMessage());
        assertTrue(e.hint().contains("-Dgo-hygiene.go="), e.hint());
    }

    @Test
    void findsTheRealGoOnThisMachine() throws Exception {
        LocatedGo go = new GoLocator(new LiveSystemProbe()).locate(Optional.empty(), Optional.empty());
        assertTrue(go.executable().getFileName().toString().startsWith("go"), go.toString());
    }
}
