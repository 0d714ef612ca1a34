package io.gohygiene.report;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.rules.BinaryVerification;
import io.gohygiene.rules.VerifyResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The verify result as JUnit XML in the Surefire/Ant format, so CI servers show rule violations as failed tests: one
 * test case per rule per binary ({@code classname} the binary, {@code name} the rule id) aggregating that rule's rows.
 * A failing row fails the case; warnings, waived violations and rules that do not apply pass with what they are in
 * {@code system-out}. Nothing is {@code skipped}: a skipped case reads as "not checked", and every binary was. The
 * same result gives the same bytes.
 */
public final class JUnitReport {

    public static final String SUITE_NAME = "go-hygiene";

    private JUnitReport() {
    }

    /** Writes {@code result} to {@code out}, binaries named by their paths as the result holds them. */
    public static void write(VerifyResult result, Path out) throws IOException {
        write(result, out, null);
    }

    /**
     * Writes {@code result} to {@code out} (parent directories created), binaries named relative to {@code baseDir}
     * (a relative binary path is taken as relative to it already), or by their full path when they lie outside it.
     */
    public static void write(VerifyResult result, Path out, Path baseDir) throws IOException {
        ReportPaths.write(out, render(result, baseDir));
    }

    /** The XML document, UTF-8; {@code baseDir} may be null. */
    public static byte[] render(VerifyResult result, Path baseDir) {
        List<TestCase> cases = testCases(result, baseDir);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            // The JDK's own writer, not whichever StAX provider the build's class path brings: the same bytes everywhere.
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(buffer, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", SUITE_NAME);
            xml.writeAttribute("tests", Integer.toString(cases.size()));
            xml.writeAttribute("failures", Long.toString(cases.stream().filter(c -> c.failureMessage != null).count()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", "0");
            for (TestCase c : cases) {
                writeCase(xml, c);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("a JUnit XML report could not be rendered", e);
        }
        return buffer.toByteArray();
    }

    private static void writeCase(XMLStreamWriter xml, TestCase c) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        boolean empty = c.failureMessage == null && c.systemOut.isEmpty();
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("classname", XmlText.safe(c.classname));
        xml.writeAttribute("name", XmlText.safe(c.name));
        xml.writeAttribute("time", "0");
        if (empty) {
            return;
        }
        if (c.failureMessage != null) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("failure");
            xml.writeAttribute("message", XmlText.safe(c.failureMessage));
            xml.writeAttribute("type", XmlText.safe(c.name));
            xml.writeCharacters(XmlText.safe(c.failureDetails));
            xml.writeEndElement();
        }
        if (!c.systemOut.isEmpty()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(XmlText.safe(c.systemOut));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    /** One case per rule per binary; a binary checked against several targets gets its target in the class name. */
    static List<TestCase> testCases(VerifyResult result, Path baseDir) {
        Map<String, Set<String>> targetsByPath = new HashMap<>();
        for (BinaryVerification b : result.binaries()) {
            targetsByPath.computeIfAbsent(ReportPaths.display(baseDir, b.file()), p -> new HashSet<>()).add(b.target().name());
        }
        List<TestCase> cases = new ArrayList<>();
        for (BinaryVerification b : result.binaries()) {
            String path = ReportPaths.display(baseDir, b.file());
            String classname = targetsByPath.get(path).size() > 1 ? path + " (" + b.target().name() + ")" : path;
            b.findingsByRule().forEach((rule, rows) -> cases.add(testCase(classname, rule, rows)));
        }
        return cases;
    }

    private static TestCase testCase(String classname, String rule, List<Finding> rows) {
        List<Finding> failures = rows.stream().filter(f -> f.verdict() == Verdict.FAIL).toList();

        String failureMessage = null;
        String failureDetails = null;
        if (!failures.isEmpty()) {
            failureMessage = failures.stream().map(Finding::message).collect(Collectors.joining("; "));
            failureDetails = failures.stream().map(JUnitReport::describe).collect(Collectors.joining("\n\n"));
        }
        String systemOut = rows.stream()
                .filter(f -> f.verdict() != Verdict.PASS && f.verdict() != Verdict.FAIL)
                .map(JUnitReport::describe).collect(Collectors.joining("\n\n"));
        return new TestCase(classname, rule, failureMessage, failureDetails, systemOut);
    }

    /** A row as people read it: verdict, subject and message, then the evidence and what to do. */
    private static String describe(Finding f) {
        StringBuilder s = new StringBuilder(f.verdict().name()).append(' ').append(f.subject());
        if (f.verdict() == Verdict.SKIP) {
            return s.append(": not applicable: ").append(f.seen()).toString();
        }
        if (!f.message().isBlank()) {
            s.append(": ").append(f.message());
        }
        s.append("\n  seen:     ").append(f.seen());
        if (!f.expected().isBlank()) {
            s.append("\n  expected: ").append(f.expected());
        }
        if (f.verdict() == Verdict.WAIVED) {
            s.append("\n  waived:   ").append(ReportText.waiverReason(f).orElse("(no reason given)"));
        }
        if (!f.hint().isBlank()) {
            s.append("\n  hint:     ").append(f.hint());
        }
        return s.toString();
    }

    record TestCase(String classname, String name, String failureMessage, String failureDetails, String systemOut) {
    }
}
