package io.gohygiene.rules;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.Printable;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies every binary of a build, one after the other, and never stops early: a file that is missing, is not a
 * regular file or cannot be parsed becomes a failing {@value #READABLE} finding of its own, in the table and in
 * every report, and the next file is checked.
 */
public final class VerifyRun {

    /** The id of the finding for a file that could not be read as a binary. Not a rule: it cannot be turned off or waived. */
    public static final String READABLE = "readable";

    private VerifyRun() {
    }

    /** @param base the project directory, against which reports and waivers show paths */
    public static List<BinaryVerifier.Verification> verifyAll(BinaryVerifier verifier, List<BinaryToVerify> binaries, Path base) {
        List<BinaryVerifier.Verification> results = new ArrayList<>();
        for (BinaryToVerify b : binaries) {
            Path file = b.file();
            Path shown = file.toAbsolutePath().startsWith(base.toAbsolutePath()) ? base.toAbsolutePath().relativize(file.toAbsolutePath()) : file;
            String problem;
            try {
                results.add(verifier.verify(file, shown, b.target(), b.goBinary()));
                continue;
            } catch (BinaryFormatException e) {
                // The reader names what the file is (missing, a directory, a pipe) or where its bytes went wrong.
                problem = (e.offset() >= 0 ? "at offset " + e.offset() + ": " : "") + e.reason();
            }
            Finding unreadable = Finding.problem(READABLE, shown.toString(), problem, "an executable for " + b.target().name(), Verdict.FAIL,
                    "cannot verify " + Printable.escape(shown.toString()) + ": " + problem,
                    "point <binaries> (go-hygiene.binaries) at the executable the Go build produced, or run the build goal again");
            results.add(new BinaryVerifier.Verification(file, shown, b.target(), null, List.of(unreadable)));
        }
        return results;
    }
}
