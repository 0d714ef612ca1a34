package io.gohygiene.bench;

import io.gohygiene.binary.BinaryInspector;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.rules.RuleSettings;
import io.gohygiene.rules.VulnerabilityRule;
import io.gohygiene.vulndb.RealVulnDb;
import io.gohygiene.vulndb.VulnDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The vulnerabilities rule timed from a command line (bench/vulns.sh): the index of the pinned golang.org/x/vulndb
 * built cold (empty index directory) and opened warm, then for each binary (in a directory named goos_arch) the rule
 * (inspect + evaluate) after warm-up runs, median of {@code runs}. Prints "cold_index_ms N", "warm_open_ms N" and
 * "binary PATH median_ms N ids N warn N inspect_ms N" (the inspection alone, part of the rule's time) for the script.
 */
public final class VulnsTiming {

    public static void main(String[] args) throws Exception {
        Path indexDir = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        Path source = RealVulnDb.module().dir();
        if (Files.exists(indexDir)) {
            try (Stream<Path> all = Files.walk(indexDir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        long s = System.nanoTime();
        VulnDatabase.open(source, indexDir);
        System.out.printf("cold_index_ms %.1f%n", (System.nanoTime() - s) / 1e6);
        s = System.nanoTime();
        VulnDatabase db = VulnDatabase.open(source, indexDir);
        System.out.printf("warm_open_ms %.1f%n", (System.nanoTime() - s) / 1e6);
        VulnerabilityRule rule = VulnerabilityRule.over(db, "golang.org/x/vulndb@" + RealVulnDb.VERSION);
        for (String arg : Arrays.copyOfRange(args, 2, args.length)) {
            Path binary = Path.of(arg);
            Target target = Target.parse(binary.getParent().getFileName().toString().replace('_', '/'));
            List<Finding> findings = List.of();
            long first = System.nanoTime();
            findings = rule.evaluate(BinaryInspector.inspect(binary), target, RuleSettings.none());
            System.out.printf("first %s ms %.2f%n", binary, (System.nanoTime() - first) / 1e6);
            // Warm: the plugin evaluates every binary of a build in one JVM, and Maven's JVM runs many builds' worth
            // of code before; 200 calls bring the rule's code to its compiled state.
            for (int i = 0; i < 200; i++) {
                findings = rule.evaluate(BinaryInspector.inspect(binary), target, RuleSettings.none());
            }
            long[] times = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                findings = rule.evaluate(BinaryInspector.inspect(binary), target, RuleSettings.none());
                times[i] = System.nanoTime() - t;
            }
            long[] inspect = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                BinaryInspector.inspect(binary);
                inspect[i] = System.nanoTime() - t;
            }
            Arrays.sort(inspect);
            Arrays.sort(times);
            long ids = findings.stream().filter(f -> f.verdict() == Verdict.WARN || f.verdict() == Verdict.INFO).count();
            long warn = findings.stream().filter(f -> f.verdict() == Verdict.WARN).count();
            System.out.printf("binary %s median_ms %.2f ids %d warn %d inspect_ms %.2f%n", binary, times[runs / 2] / 1e6, ids, warn, inspect[runs / 2] / 1e6);
        }
    }
}
