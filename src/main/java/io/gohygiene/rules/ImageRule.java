package io.gohygiene.rules;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.InspectedImage;
import io.gohygiene.finding.Finding;
import io.gohygiene.platform.Target;

import java.util.ArrayList;
import java.util.List;

/** A rule that judges each image of a binary on its own (each slice of a universal Mach-O, the one image otherwise). */
interface ImageRule extends Rule {

    /**
     * Adds the findings for one image to {@code findings}; {@code prefix} names the slice of a universal Mach-O
     * ("arm64 slice: ") and is empty otherwise, to put before each finding's subject.
     */
    void evaluate(InspectedImage image, String prefix, Target target, RuleSettings settings, List<Finding> findings);

    @Override
    default List<Finding> evaluate(BinaryReport report, Target target, RuleSettings settings) {
        List<Finding> findings = new ArrayList<>();
        for (InspectedImage image : report.images()) {
            evaluate(image, report.slicePrefix(image), target, settings, findings);
        }
        return findings;
    }
}
