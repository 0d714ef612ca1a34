package io.gohygiene.toolchain;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;

import java.util.List;

/** Every finding of one toolchain check run, passes included, with the toolchain and host they were about. */
public record ToolchainReport(GoToolchain go, HostPlatform host, List<Finding> findings) {

    public ToolchainReport {
        findings = List.copyOf(findings);
    }

    public List<Finding> with(Verdict verdict) {
        return findings.stream().filter(f -> f.verdict() == verdict).toList();
    }

    public List<Finding> failures() {
        return with(Verdict.FAIL);
    }

    public List<Finding> warnings() {
        return with(Verdict.WARN);
    }
}
