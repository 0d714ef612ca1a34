package io.gohygiene.bench;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryInspector;
import io.gohygiene.binary.BinaryReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * In-process inspection of a list of binaries (bench/inspect.sh passes every executable in GOROOT): one
 * operation inspects one file, taking the files in turn, so the sampled times are per-binary times.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InspectBenchmark {

    /** A file listing one binary path per line. */
    @Param("")
    public String fileList;

    private List<Path> files;
    private int next;

    @Setup
    public void readList() throws IOException {
        files = Files.readAllLines(Path.of(fileList)).stream().filter(l -> !l.isBlank()).map(Path::of).toList();
    }

    @Benchmark
    public BinaryReport inspectOneBinary() throws BinaryFormatException {
        Path file = files.get(next);
        next = (next + 1) % files.size();
        return BinaryInspector.inspect(file);
    }
}
