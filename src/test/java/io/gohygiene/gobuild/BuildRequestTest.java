package io.gohygiene.gobuild;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** issue 15.9: <parallelism>0</parallelism> silently became 1. */
class BuildRequestTest {

    @Test
    void parallelismZeroOrLessIsAnErrorNamingTheSetting() {
        Exception zero = assertThrows(IllegalArgumentException.class, () -> BuildRequest.parallelism(0, 2));
        assertEquals("<parallelism> (go-hygiene.parallelism) is 0; it is how many targets build (or run their tests) at once: give 1 or more,"
                + " or leave it out for the number of cores", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BuildRequest.parallelism(-3, 2));
    }

    @Test
    void parallelismDefaultsToTheCoresAndKeepsWhatIsGiven() {
        assertEquals(2, BuildRequest.parallelism(null, 2));
        assertEquals(1, BuildRequest.parallelism(1, 8));
        assertEquals(16, BuildRequest.parallelism(16, 2));
    }
}
