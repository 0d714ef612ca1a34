package io.gohygiene.gotest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TestEventTest {

    @Test
    void aLineOfTest2jsonBecomesItsFields() {
        TestEvent e = TestEvent.parse("{\"Time\":\"2026-12-05T07:12:43.467203782Z\",\"Action\":\"fail\",\"Package\":\"example.com/x\","
                + "\"Test\":\"TestParent/bad_case\",\"Elapsed\":0.25}");
        assertEquals(new TestEvent(Optional.of(Instant.parse("2026-12-05T07:12:43.467203782Z")), "fail", Optional.of("example.com/x"),
                Optional.of("TestParent/bad_case"), Optional.of(0.25), Optional.empty(), Optional.empty(), Optional.empty()), e);
    }

    @Test
    void go124BuildEventsCarryTheirImportPathAndTheFailedBuild() {
        TestEvent output = TestEvent.parse("{\"ImportPath\":\"example.com/x [example.com/x.test]\",\"Action\":\"build-output\",\"Output\":\"x.go:5:9: oops\\n\"}");
        assertEquals(Optional.of("example.com/x [example.com/x.test]"), output.importPath());
        assertEquals(Optional.of("x.go:5:9: oops\n"), output.output());
        TestEvent fail = TestEvent.parse("{\"Action\":\"fail\",\"Package\":\"example.com/x\",\"Elapsed\":0,\"FailedBuild\":\"example.com/x [example.com/x.test]\"}");
        assertEquals(Optional.of("example.com/x [example.com/x.test]"), fail.failedBuild());
        assertEquals(Optional.of(0.0), fail.elapsedSeconds(), "an integer Elapsed is a number too");
    }

    @Test
    void aLocalTimeWithAnOffsetIsTheSameInstant() {
        assertEquals(Optional.of(Instant.parse("2026-12-05T06:12:43.5Z")),
                TestEvent.parse("{\"Time\":\"2026-12-05T07:12:43.5+01:00\",\"Action\":\"start\",\"Package\":\"p\"}").time());
        assertEquals(Optional.empty(), TestEvent.parse("{\"Time\":\"yesterday\",\"Action\":\"start\",\"Package\":\"p\"}").time());
    }

    @Test
    void aLineThatIsNotAnEventIsOutputWithNoPackage() {
        for (String line : new String[] {"# example.com/x", "{broken", "[1,2]", "{\"Output\":\"no action\"}", ""}) {
            TestEvent e = TestEvent.parse(line);
            assertEquals(TestEvent.OUTPUT, e.action(), line);
            assertEquals(Optional.empty(), e.packagePath(), line);
            assertEquals(Optional.of(line + "\n"), e.output(), line);
        }
    }
}
