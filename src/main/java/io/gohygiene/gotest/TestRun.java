package io.gohygiene.gotest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of one {@code go test -json} run, accumulated in the order they come. Memory stays bounded per test
 * and per package however much they print ({@link BoundedText}); it grows only with the number of tests.
 * Not thread-safe: one reader feeds it.
 */
public final class TestRun {

    private final Map<String, PackageEvents> packages = new LinkedHashMap<>();
    /** Go 1.24+: what {@code build-output} events said, by the {@code ImportPath} a failed package's {@code FailedBuild} names. */
    private final Map<String, BoundedText> buildOutput = new LinkedHashMap<>();
    /** Lines outside every package: before Go 1.24 the compiler's errors came like that. */
    private final BoundedText unattributed = new BoundedText();

    public void accept(TestEvent e) {
        if (e.packagePath().isEmpty()) {
            String text = e.output().orElse("");
            if (e.importPath().isPresent()) {
                if (!text.isEmpty()) {
                    buildOutput.computeIfAbsent(e.importPath().get(), p -> new BoundedText()).append(text);
                }
            } else if (!text.isEmpty()) {
                unattributed.append(text);
            }
            return;
        }
        packages.computeIfAbsent(e.packagePath().get(), PackageEvents::new).accept(e);
    }

    /** One result per package, in the order the packages were first seen. */
    public List<PackageResult> packages() {
        List<PackageResult> results = new ArrayList<>();
        for (PackageEvents p : packages.values()) {
            results.add(p.result(buildOutputFor(p)));
        }
        return results;
    }

    /** The compiler's output for a package that did not build: named by FailedBuild (Go 1.24+), else found by its "# path" header. */
    private String buildOutputFor(PackageEvents p) {
        if (p.failedBuild() != null && buildOutput.containsKey(p.failedBuild())) {
            return buildOutput.get(p.failedBuild()).toString();
        }
        if (!p.buildFailed()) {
            return "";
        }
        String all = unattributed.toString();
        StringBuilder mine = new StringBuilder();
        boolean inBlock = false;
        for (String line : all.split("\n", -1)) {
            if (line.startsWith("# ")) {
                String header = line.substring(2);
                inBlock = header.equals(p.importPath()) || header.startsWith(p.importPath() + " ")
                        || header.contains("[" + p.importPath() + ".test]");
            }
            if (inBlock) {
                mine.append(line).append('\n');
            }
        }
        return mine.isEmpty() ? all : mine.toString();
    }
}
