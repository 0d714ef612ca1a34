package io.gohygiene.report;

import io.gohygiene.binary.BinaryFormatException;

import java.util.List;

/**
 * What one inspect run saw: how many files it looked at, how many it inspected, the files that should have been
 * binaries and could not be read (named on the command line, or with an executable's magic), and how many files
 * found in a directory were not executables at all (a README, a pipe), listed in the report but no failure.
 */
public record InspectionSummary(int files, int inspected, List<BinaryFormatException> failures, int notExecutables) {

    public InspectionSummary {
        failures = List.copyOf(failures);
    }

    /** "3 files: 1 inspected, 1 not inspectable, 1 not an executable". */
    public String describe() {
        return files + (files == 1 ? " file: " : " files: ") + inspected + " inspected"
                + (failures.isEmpty() ? "" : ", " + failures.size() + " not inspectable")
                + (notExecutables == 0 ? "" : ", " + notExecutables + (notExecutables == 1 ? " not an executable" : " not executables"));
    }
}
