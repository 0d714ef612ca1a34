package io.gohygiene.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a {@link CommandLine}: streams each output line to a sink (the Maven log) as it comes, keeps the
 * output for error messages, and kills the whole process tree ({@link ProcessTree}) when the timeout passes or the
 * waiting thread is interrupted (a hung {@code go} usually hangs in a child: the compiler, the linker, a VCS command).
 * Where it can, the command runs in a session of its own ({@link ProcessSession}), so what double-forked is killed too.
 */
public final class ProcessRunner {

    /** How many characters of each stream {@link #stream} keeps for messages: the last ones. */
    static final int STREAMED_TAIL_CHARS = 64 * 1024;

    /** How long to wait for the pipes after the process exited (a grandchild may hold them open). */
    private static final long OUTPUT_DRAIN_MILLIS = 10_000;

    /** Where streamed lines go; {@code stderr} says which stream the line came from. */
    public interface LineSink {
        void line(String line, boolean stderr);

        LineSink DISCARD = (line, stderr) -> { };
    }

    public ProcessResult run(CommandLine command) throws ProcessException {
        return run(command, LineSink.DISCARD);
    }

    public ProcessResult run(CommandLine command, LineSink sink) throws ProcessException {
        return run(command, sink, Integer.MAX_VALUE);
    }

    /**
     * As {@link #run(CommandLine, LineSink)} for a command whose output is unbounded ({@code go test -json}): every
     * line reaches {@code sink}, the result keeps only the last {@link #STREAMED_TAIL_CHARS} of each stream.
     */
    public ProcessResult stream(CommandLine command, LineSink sink) throws ProcessException {
        return run(command, sink, STREAMED_TAIL_CHARS);
    }

    private ProcessResult run(CommandLine command, LineSink sink, int keptChars) throws ProcessException {
        ProcessBuilder builder = new ProcessBuilder(ProcessSession.argv(command.argv())).directory(command.workingDirectory().toFile());
        builder.environment().clear();
        builder.environment().putAll(command.environment());
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ProcessException(command, "cannot run '" + command.display() + "': " + e.getMessage(), e);
        }
        ProcessSession.started(process);
        try {
            return waitFor(command, sink, process, start, keptChars);
        } finally {
            ProcessSession.finished(process);
        }
    }

    private ProcessResult waitFor(CommandLine command, LineSink sink, Process process, long start, int keptChars) throws ProcessException {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // The child may already have exited; it gets no input either way.
        }
        StreamCollector out = new StreamCollector(process.getInputStream(), line -> sink.line(line, false), keptChars);
        StreamCollector err = new StreamCollector(process.getErrorStream(), line -> sink.line(line, true), keptChars);
        out.start();
        err.start();
        try {
            if (!process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.kill(process.toHandle());
                out.join(2000);
                err.join(2000);
                throw new ProcessTimeoutException(command, command.timeout(), (out.text() + err.text()).strip());
            }
            // Output may still be buffered in the pipes after exit; a grandchild that outlived its parent
            // and holds the pipe open must not hang us, so the wait is bounded.
            out.join(OUTPUT_DRAIN_MILLIS);
            err.join(OUTPUT_DRAIN_MILLIS);
        } catch (InterruptedException e) {
            ProcessTree.kill(process.toHandle());
            Thread.currentThread().interrupt();
            throw new ProcessException(command, "interrupted while running '" + command.display() + "'", e);
        }
        return new ProcessResult(command, process.exitValue(), out.text(), err.text(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static final class StreamCollector extends Thread {
        private final InputStream stream;
        private final Consumer<String> lines;
        private final StringBuffer text = new StringBuffer();
        private final int keptChars;

        StreamCollector(InputStream stream, Consumer<String> lines, int keptChars) {
            super("go-hygiene-process-output");
            setDaemon(true);
            this.stream = stream;
            this.lines = lines;
            this.keptChars = keptChars;
        }

        @Override
        public void run() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    text.append(line).append('\n');
                    if (text.length() > keptChars) {
                        // Drop the oldest half at once: trimming per line would copy the buffer on every line.
                        text.delete(0, text.length() - keptChars / 2);
                    }
                    lines.accept(line);
                }
            } catch (IOException | UncheckedIOException e) {
                // The stream closes when the process is killed; what was read so far is kept.
            }
        }

        String text() {
            return text.toString();
        }
    }
}
