package io.gohygiene.finding;

/** The outcome of one check on one subject, from best to worst. */
public enum Verdict {
    /** The check ran and found what was expected. */
    PASS("ok"),
    /** Worth knowing, not a problem (e.g. which go was found and how). */
    INFO("info"),
    /** The check does not apply here (e.g. a macOS-only check on Linux). */
    SKIP("n/a"),
    /** A violation a waiver in the pom accepts, with its reason: reported, never silently dropped. */
    WAIVED("waived"),
    /** A hazard that does not fail the build unless {@code failOn} is {@code warning}. */
    WARN("WARN"),
    /** A violation: fails the build unless {@code failOn} is {@code never}. */
    FAIL("FAIL");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isProblem() {
        return this == WARN || this == FAIL;
    }
}
