package io.gohygiene.report;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReport;

import java.io.IOException;

/** Where inspect writes, one file at a time, so that memory does not grow with the number of files. */
interface InspectionSink extends AutoCloseable {

    void report(BinaryReport report) throws IOException;

    /** A file that could not be inspected; {@code notExecutable} when it was found in a directory and is no binary at all. */
    void error(BinaryFormatException error, boolean notExecutable) throws IOException;

    /** Ends the report and flushes; never closes the stream underneath (it may be System.out). */
    @Override
    void close() throws IOException;
}
