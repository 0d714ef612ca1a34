package io.gohygiene.process;

/** A command could not be run to completion: it did not start, or it ran past its timeout and was killed. */
public class ProcessException extends Exception {

    private final CommandLine command;

    public ProcessException(CommandLine command, String message, Throwable cause) {
        super(message, cause);
        this.command = command;
    }

    public CommandLine command() {
        return command;
    }
}
