package io.gohygiene.version;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoVersionTest {

    private static GoVersion v(String s) {
        return GoVersion.parse(s).orElseThrow();
    }

    @Test
    void ordersVersionsTheWayGoDoes() {
        List<String> shuffled = List.of("go1.21.0", "1.21", "go1.20.14", "go1.21rc2", "go1.21beta1", "go1.21.10", "go1.21.2", "go1.9", "go1.21rc1");
        String sorted = shuffled.stream().map(GoVersionTest::v).sorted().map(GoVersion::text).collect(Collectors.joining(" "));
        assertEquals("go1.9 go1.20.14 1.21 go1.21beta1 go1.21rc1 go1.21rc2 go1.21.0 go1.21.2 go1.21.10", sorted);
    }

    @Test
    void findsTheVersionInGoVersionOutput() {
        assertEquals(v("go1.26.8"), GoVersion.find("go version go1.26.8 linux/amd64").orElseThrow());
        assertEquals(v("go1.22rc1"), GoVersion.find("go version go1.22rc1 darwin/arm64").orElseThrow());
        assertTrue(GoVersion.find("bash: go: command not found").isEmpty());
    }

    @Test
    void rejectsWhatIsNotAVersion() {
        assertTrue(GoVersion.parse("latest").isEmpty());
        assertTrue(GoVersion.parse("go1.x").isEmpty());
    }

    @Test
    void languageVersionEqualsItsDotZeroOnlyInLanguageTerms() {
        assertTrue(v("1.22").compareTo(v("1.22.0")) < 0);
        assertEquals(v("go1.22.3"), v("1.22.3"));
    }
}
