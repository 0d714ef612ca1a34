package io.gohygiene.gotest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Maven's -Dtest forms as go test arguments. */
class TestSelectionTest {

    @Test
    void withoutDtestEveryConfiguredPackageRunsEveryTest() {
        assertEquals(new TestSelection(List.of("./..."), Optional.empty()), TestSelection.of(null, List.of()));
        assertEquals(new TestSelection(List.of("./a", "./b/..."), Optional.empty()), TestSelection.of("  ", List.of("./a", "./b/...")));
    }

    @Test
    void aPlainPatternIsGoRunOverTheConfiguredPackages() {
        assertEquals(new TestSelection(List.of("./..."), Optional.of("TestOne")), TestSelection.of("TestOne", null));
        assertEquals(Optional.of("TestOne/sub.*"), TestSelection.of(" TestOne/sub.* ", List.of("./x")).runPattern());
    }

    @Test
    void commaSeparatedPatternsAreAlternatives() {
        assertEquals(Optional.of("TestA|TestB"), TestSelection.of("TestA, TestB", null).runPattern());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestSelection.of("a#TestA,b#TestB", null));
        assertTrue(e.getMessage().contains("-Dtest=a#TestA,b#TestB") && e.getMessage().contains("-Dtest=TestA,TestB"), e.getMessage());
    }

    @Test
    void surefiresExclusionIsGoTestSkip() {
        assertEquals(new TestSelection(List.of("./..."), Optional.empty(), Optional.of("TestSlow")), TestSelection.of("!TestSlow", null));
        assertEquals(new TestSelection(List.of("./..."), Optional.of("TestA"), Optional.of("TestSlow|TestB")),
                TestSelection.of("TestA, !TestSlow, ! TestB", null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestSelection.of("TestA,!", null));
        assertTrue(e.getMessage().contains("-Dtest=TestA,!") && e.getMessage().contains("-Dtest=!TestName"), e.getMessage());
    }

    @Test
    void aPackageAndTestNamesRestrictToThatPackageAndThoseExactNames() {
        assertEquals(new TestSelection(List.of("./pkg/..."), Optional.of("^TestX$")), TestSelection.of("pkg/...#TestX", List.of("./...")));
        assertEquals(new TestSelection(List.of("./pkg"), Optional.of("^(TestA|TestB)$")), TestSelection.of("./pkg#TestA+TestB", null));
        assertEquals(List.of("example.com/m/pkg"), TestSelection.of("example.com/m/pkg#TestX", null).packages());
        assertEquals(List.of("../other"), TestSelection.of("../other#TestX", null).packages());
    }

    @Test
    void aHashWithNothingOnOneSideIsRefusedWithTheForms() {
        for (String bad : List.of("#TestX", "pkg#", "pkg#+")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestSelection.of(bad, null));
            assertTrue(e.getMessage().contains("-Dtest=" + bad) && e.getMessage().contains("-Dtest=./pkg/...#TestName"), e.getMessage());
        }
    }
}
