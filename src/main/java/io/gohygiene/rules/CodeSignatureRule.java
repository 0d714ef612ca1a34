package io.gohygiene.rules;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.InspectedImage;
import io.gohygiene.binary.macho.CodeSignature;
import io.gohygiene.binary.macho.MachoFile;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requires every darwin/arm64 image (each slice of a universal file) to carry a code signature: macOS on Apple
 * Silicon kills unsigned code at exec. Whether the signature is ad-hoc, linker-made or has the hardened runtime, and
 * whether it holds entitlements, is reported as information: hardened runtime is opt-in at signing time, not a
 * default. Split from {@link MacosRule}, so {@code macos} severities and waivers still apply here.
 */
public final class CodeSignatureRule implements Rule {

    public static final String ID = "codesign";

    private static final Pattern ENTITLEMENT_KEY = Pattern.compile("<key>\\s*([^<]+?)\\s*</key>");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<String> splitFrom() {
        return Optional.of(MacosRule.ID);
    }

    @Override
    public List<Finding> evaluate(BinaryReport report, Target target, RuleSettings settings) {
        List<Finding> findings = new ArrayList<>();
        for (InspectedImage image : report.images()) {
            if (image.executable() instanceof MachoFile macho && macho.goos().equals("darwin")) {
                signature(findings, report.slicePrefix(image), macho);
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.skip(ID, "code signature", report.describe() + ": not a macOS binary"));
        }
        return findings;
    }

    private static void signature(List<Finding> findings, String prefix, MachoFile macho) {
        Optional<CodeSignature> signature = macho.codeSignature();
        boolean arm64 = macho.goarch().equals("arm64");
        String subject = prefix + "code signature";
        if (signature.isEmpty()) {
            if (arm64) {
                findings.add(Finding.problem(ID, subject, "none (no LC_CODE_SIGNATURE)", "LC_CODE_SIGNATURE", Verdict.FAIL,
                        "the darwin/arm64 image carries no code signature: macOS on Apple Silicon refuses unsigned code,"
                                + " the process is killed at exec (\"Killed: 9\")",
                        "Go's linker ad-hoc signs darwin/arm64 executables, so a later step removed the signature (strip,"
                                + " a packer, a byte patch); sign the final file: codesign -s - <file>, or with your Developer ID"));
            } else {
                findings.add(Finding.info(ID, subject, "none", "unsigned; macOS on Intel runs unsigned executables"
                        + " (Gatekeeper still wants a Developer ID signature on downloaded files)"));
            }
            return;
        }
        CodeSignature cs = signature.get();
        String flags = cs.flagNames().isEmpty() ? "no flags" : String.join(", ", cs.flagNames());
        String seen = "LC_CODE_SIGNATURE (" + flags + ")";
        if (arm64) {
            findings.add(Finding.pass(ID, subject, seen, "LC_CODE_SIGNATURE"));
        } else {
            findings.add(Finding.info(ID, subject, seen, "signed; not required on Intel"));
        }
        findings.add(Finding.info(ID, prefix + "signer", signer(cs), signerMessage(cs)));
        findings.add(Finding.info(ID, prefix + "hardened runtime", cs.hasHardenedRuntime() ? "yes" : "no",
                "opt-in at signing time (codesign -o runtime); notarization requires it"));
        findings.add(Finding.info(ID, prefix + "entitlements", entitlements(cs),
                cs.entitlements().isPresent() ? "the signature grants these entitlements" : "the signature grants no entitlements"));
    }

    private static String signer(CodeSignature cs) {
        String identity = cs.teamIdentifier().map(t -> "team " + t).orElse(cs.isAdhoc() ? "ad-hoc" : "no team");
        return identity + (cs.isLinkerSigned() ? ", linker-signed" : "") + ", identifier " + cs.identifier();
    }

    private static String signerMessage(CodeSignature cs) {
        if (cs.isAdhoc() && cs.isLinkerSigned()) {
            return "the ad-hoc signature Go's linker writes: enough to run, not for distribution; codesign replaces it";
        }
        if (cs.isAdhoc()) {
            return "an ad-hoc signature (no identity): enough to run, not for distribution";
        }
        return "signed with an identity";
    }

    private static String entitlements(CodeSignature cs) {
        if (cs.entitlements().isEmpty()) {
            return "none";
        }
        List<String> keys = new ArrayList<>();
        Matcher m = ENTITLEMENT_KEY.matcher(cs.entitlements().get());
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys.isEmpty() ? "present" : String.join(", ", keys);
    }
}
