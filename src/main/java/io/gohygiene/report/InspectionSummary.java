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

    /** "inspected 4 files", "inspected 1 of 4 files: 1 not inspectable, 2 not executables". */
    public String describe() {
        String counted = files + (files == 1 ? " file" : " files");
        if (inspected == files) {
            return "inspected " + counted;
        }
        return "inspected " + inspected + " of " + counted + ": "
                + (failures.isEmpty() ? "" : failures.size() + " not inspectable" + (notExecutables == 0 ? "" : ", "))
                + (notExecutables == 0 ? "" : notExecutables + (notExecutables == 1 ? " not an executable" : " not executables"));
    }
}
