package io.gohygiene.process;

import java.time.Duration;

/** The command ran past its timeout; it and every process it started were killed. */
public class ProcessTimeoutException extends ProcessException {

    private final String partialOutput;

    public ProcessTimeoutException(CommandLine command, Duration timeout, String partialOutput) {
        super(command, "'" + command.display() + "' did not finish within " + Durations.format(timeout)
                + " and was killed with the processes it started", null);
        this.partialOutput = partialOutput;
    }

    public String partialOutput() {
        return partialOutput;
    }
}
