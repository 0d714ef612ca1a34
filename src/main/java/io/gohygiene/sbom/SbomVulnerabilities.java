package io.gohygiene.sbom;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.vulnerability.Vulnerability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Verify's findings of the {@code vulnerabilities} rule as the SBOM's {@code vulnerabilities} section. */
final class SbomVulnerabilities {

    private SbomVulnerabilities() {
    }

    /** One vulnerability per finding of the rule, affecting the component the finding names (its {@code seen}). */
    static List<Vulnerability> from(List<Finding> findings, Collection<Component> components) {
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        for (Finding f : findings) {
            vulnerability(f, components).ifPresent(vulnerabilities::add);
        }
        return vulnerabilities;
    }

    private static final Pattern VULN_ID = Pattern.compile("(GO-\\d{4}-\\d+)$");
    private static final Pattern ALIASES = Pattern.compile("^GO-\\d{4}-\\d+ \\(([^)]*)\\)");

    /** A finding of the vulnerabilities rule (subject ending in a GO- id, seen = the module as found) as a CycloneDX vulnerability. */
    private static Optional<Vulnerability> vulnerability(Finding f, Collection<Component> components) {
        Matcher id = VULN_ID.matcher(f.subject());
        if (!f.check().equals("vulnerabilities") || !id.find()) {
            return Optional.empty();
        }
        Vulnerability v = new Vulnerability();
        v.setId(id.group(1));
        v.setBomRef("vuln:" + id.group(1));
        Vulnerability.Source source = new Vulnerability.Source();
        source.setName("Go Vulnerability Database");
        source.setUrl("https://pkg.go.dev/vuln/" + id.group(1));
        v.setSource(source);
        Matcher aliases = ALIASES.matcher(f.message());
        if (aliases.find()) {
            List<Vulnerability.Reference> references = new ArrayList<>();
            for (String alias : aliases.group(1).split(", ")) {
                Vulnerability.Reference r = new Vulnerability.Reference();
                r.setId(alias);
                Vulnerability.Source s = new Vulnerability.Source();
                s.setName(alias.startsWith("CVE-") ? "NVD" : alias.startsWith("GHSA-") ? "GitHub Advisories" : "alias");
                s.setUrl(alias.startsWith("CVE-") ? "https://nvd.nist.gov/vuln/detail/" + alias
                        : alias.startsWith("GHSA-") ? "https://github.com/advisories/" + alias : "https://pkg.go.dev/vuln/" + id.group(1));
                r.setSource(s);
                references.add(r);
            }
            v.setReferences(references);
        }
        v.setDescription(f.message());
        if (f.hint() != null && !f.hint().isEmpty()) {
            v.setRecommendation(f.hint());
        }
        components.stream().filter(c -> f.seen().equals(c.getName().equals("std") ? "std " + c.getVersion() : c.getName() + "@" + c.getVersion()))
                .findFirst().ifPresent(c -> {
                    Vulnerability.Affect affect = new Vulnerability.Affect();
                    affect.setRef(c.getBomRef());
                    v.setAffects(List.of(affect));
                });
        if (f.verdict() == Verdict.INFO) {
            Vulnerability.Analysis analysis = new Vulnerability.Analysis();
            analysis.setState(Vulnerability.Analysis.State.NOT_AFFECTED);
            analysis.setJustification(Vulnerability.Analysis.Justification.CODE_NOT_PRESENT);
            analysis.setDetail("the module is present, the vulnerable symbols are not linked into the binary");
            v.setAnalysis(analysis);
        }
        Property verdict = new Property();
        verdict.setName(BinarySbom.NS + "verdict");
        verdict.setValue(f.verdict().name());
        v.setProperties(List.of(verdict));
        return Optional.of(v);
    }
}
