package io.gohygiene.version;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionRangeTest {

    private static boolean in(String range, String version) {
        return VersionRange.parse(range).contains(GoVersion.parse(version).orElseThrow());
    }

    @Test
    void lowerBoundInclusive() {
        assertTrue(in("[1.22,)", "go1.22.0"));
        assertTrue(in("[1.22,)", "go1.26.8"));
        assertFalse(in("[1.22,)", "go1.21.13"));
    }

    @Test
    void upperBoundExclusiveAndInclusive() {
        assertTrue(in("[1.21,1.23)", "go1.22.9"));
        assertFalse(in("[1.21,1.23)", "go1.23.0"));
        assertTrue(in("(,1.20.14]", "go1.20.14"));
        assertFalse(in("(,1.20.14]", "go1.20.15"));
        assertFalse(in("(1.22.0,)", "go1.22.0"));
    }

    @Test
    void bareVersionMeansAtLeast() {
        assertTrue(in("1.22", "go1.24.1"));
        assertFalse(in("1.22", "go1.21.0"));
    }

    @Test
    void exactVersionAndUnions() {
        assertTrue(in("[1.22.5]", "go1.22.5"));
        assertFalse(in("[1.22.5]", "go1.22.6"));
        assertTrue(in("[1.16,1.17),[1.20,)", "go1.16.15"));
        assertFalse(in("[1.16,1.17),[1.20,)", "go1.18.10"));
        assertTrue(in("[1.16,1.17),[1.20,)", "go1.26.8"));
    }

    @Test
    void badRangesSayHowToWriteOne() {
        for (String bad : new String[] {"[1.22", "[abc,)", "", "[1.2,1.3]x", "(1.22)"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(bad), bad);
            assertTrue(e.getMessage().contains("[1.22,)"), e.getMessage());
        }
    }
}
