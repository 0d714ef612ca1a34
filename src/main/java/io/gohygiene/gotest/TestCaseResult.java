package io.gohygiene.gotest;

import java.util.Optional;

/**
 * One test or subtest of a package ({@code name} is go's, {@code "TestX/sub_case"} for a subtest) with its own
 * output lines, bounded ({@link BoundedText}). {@code failureMessage} is set for FAIL and ERROR, {@code skipMessage}
 * for SKIP: the first line a user looks for (the {@code t.Error} text, the panic, the skip reason).
 */
public record TestCaseResult(String name, Status status, double elapsedSeconds, String output,
                             Optional<String> skipMessage, Optional<String> failureMessage) {
}
