package io.gohygiene.maven;

/**
 * {@code <waiver><rule>glibc</rule><binary>**}{@code /linux_arm64/*</binary><subject>GLIBC_2.34</subject><reason>…</reason></waiver>}:
 * accepts a rule's violation for matching binaries; the reason is mandatory and reported.
 */
public class WaiverConfig {

    String rule;
    String binary;
    String subject;
    String reason;

    public void setRule(String rule) {
        this.rule = rule;
    }

    public void setBinary(String binary) {
        this.binary = binary;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
