package io.gohygiene.process;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurationsTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "500ms       | PT0.5S",
            "30s         | PT30S",
            "5m          | PT5M",
            "1h          | PT1H",
            "1h30m       | PT1H30M",
            "2h0m15s     | PT2H15S",
            "1m30s250ms  | PT1M30.25S",
            "90          | PT1M30S",
            "0           | PT0S",
            "'  5M  '    | PT5M",
    })
    void parsesDurationsAsWrittenInAPom(String text, String iso) {
        assertEquals(Duration.parse(iso), Durations.parse(text));
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @ValueSource(strings = {"5 minutes", "", "   ", "m5", "ms", "1.5s", "-5s", "5d", "5s5", "5s m", "1h 30m", "PT5M"})
    void rejectsWhatIsNotADurationShowingTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));

        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("90s"), "the message shows how to write one: " + e.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @ValueSource(strings = {"99999999999999999999", "99999999999999999999s", "9223372036854775807h", "9223372036854775807s9223372036854775807s"})
    void rejectsADurationTooLargeToHoldShowingTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));

        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} is shown as \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "PT0S        | 0 ms",
            "PT0.5S      | 500 ms",
            "PT0.999S    | 999 ms",
            "PT1S        | 1.0 s",
            "PT1.5S      | 1.5 s",
            "PT42.25S    | 42.3 s",
            "PT1M        | 1 min 0 s",
            "PT1M30S     | 1 min 30 s",
            "PT1H2M3S    | 62 min 3 s",
    })
    void formatsDurationsForLogs(String iso, String shown) {
        assertEquals(shown, Durations.format(Duration.parse(iso)));
    }
}
