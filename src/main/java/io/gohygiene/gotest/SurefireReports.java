package io.gohygiene.gotest;

import io.gohygiene.files.AtomicFiles;
import io.gohygiene.report.XmlText;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code go test} results as Surefire writes them ({@code surefire-test-report-3.0.xsd}), one
 * {@code TEST-<name>.xml} per package, so Jenkins' JUnit plugin, GitLab's {@code artifacts:reports:junit} and
 * maven-surefire-report-plugin read them with no configuration. A package is a {@code testsuite}; each test and
 * subtest a {@code testcase} whose {@code classname} is the import path. No {@code timestamp} attribute: the schema
 * has none, and a validating reader would reject the file. Every file is valid XML whatever the tests printed
 * (characters XML 1.0 cannot hold are spelled {@code \}{@code uXXXX}) and is written whole or not at all.
 */
public final class SurefireReports {

    static final String SCHEMA = "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report-3.0.xsd";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    /** A message is one line a CI server shows in its list; the whole output is in the element's body. */
    private static final int MAX_MESSAGE = 2000;

    private SurefireReports() {
    }

    /**
     * Writes {@code TEST-<importPath with '/' → '.'><targetSuffix>.xml} per package into {@code dir} (made when
     * missing) and returns the files in the packages' order. {@code targetSuffix} is {@code ""} or like
     * {@code "-linux-arm64"}; with a non-blank {@code targetLabel} (like {@code "linux/arm64"}) the suite's name
     * carries it, so runs for several targets do not read as one.
     */
    public static List<Path> write(List<PackageResult> packages, Path dir, String targetSuffix, String targetLabel) throws IOException {
        List<Path> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (PackageResult p : packages) {
            String base = "TEST-" + p.importPath().replace('/', '.') + targetSuffix;
            String name = base;
            // "a/b.c" and "a.b/c" would share a file name; the second gets a number rather than overwrite the first.
            for (int n = 2; !names.add(name); n++) {
                name = base + "-" + n;
            }
            Path file = dir.resolve(name + ".xml");
            AtomicFiles.write(file, out -> render(p, targetLabel, out));
            files.add(file);
        }
        return files;
    }

    /** One package's suite, UTF-8, to {@code out}. */
    static void render(PackageResult p, String targetLabel, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeNamespace("xsi", XSI);
            xml.writeAttribute(XSI, "noNamespaceSchemaLocation", SCHEMA);
            boolean hasTarget = targetLabel != null && !targetLabel.isBlank();
            xml.writeAttribute("name", XmlText.safe(hasTarget ? p.importPath() + " (" + targetLabel + ")" : p.importPath()));
            xml.writeAttribute("time", seconds(p.elapsedSeconds()));
            xml.writeAttribute("tests", Integer.toString(p.tests().size()));
            xml.writeAttribute("errors", Long.toString(count(p, Status.ERROR)));
            xml.writeAttribute("skipped", Long.toString(count(p, Status.SKIP)));
            xml.writeAttribute("failures", Long.toString(count(p, Status.FAIL)));
            if (hasTarget) {
                writeProperties(xml, targetLabel);
            }
            for (TestCaseResult t : p.tests()) {
                writeCase(xml, p.importPath(), t);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("the test report of " + p.importPath() + " could not be written: " + e.getMessage(), e);
        }
    }

    /** The target, and GOOS and GOARCH when the label spells them ({@code os/arch[/variant]}). */
    private static void writeProperties(XMLStreamWriter xml, String targetLabel) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("properties");
        property(xml, "target", targetLabel);
        String[] parts = targetLabel.split("/");
        if (parts.length >= 2) {
            property(xml, "GOOS", parts[0]);
            property(xml, "GOARCH", parts[1]);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", XmlText.safe(value));
    }

    private static void writeCase(XMLStreamWriter xml, String classname, TestCaseResult t) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        boolean ownOutput = printedItself(t.output());
        boolean empty = t.status() == Status.PASS && !ownOutput;
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("name", XmlText.safe(t.name()));
        xml.writeAttribute("classname", XmlText.safe(classname));
        xml.writeAttribute("time", seconds(t.elapsedSeconds()));
        if (empty) {
            return;
        }
        switch (t.status()) {
            case FAIL -> element(xml, "failure", t.failureMessage().orElse("failed"), "go test failure", t.output());
            case ERROR -> element(xml, "error", t.failureMessage().orElse("error"), errorType(t), t.output());
            case SKIP -> element(xml, "skipped", t.skipMessage().orElse("skipped"), null, "");
            case PASS -> { }
        }
        // A failure's body is its output already; a passing or skipped test's t.Log lines go where Surefire puts output.
        if ((t.status() == Status.PASS || t.status() == Status.SKIP) && ownOutput) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(XmlText.safe(t.output()));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String message, String type, String body) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        if (body.isEmpty()) {
            xml.writeEmptyElement(name);
        } else {
            xml.writeStartElement(name);
        }
        xml.writeAttribute("message", XmlText.safe(oneLine(message)));
        if (type != null) {
            xml.writeAttribute("type", type);
        }
        if (!body.isEmpty()) {
            xml.writeCharacters(XmlText.safe(body));
            xml.writeEndElement();
        }
    }

    /** Whether a test wrote anything but go's framing ({@code === RUN}, {@code --- PASS}): only then is there output to show. */
    private static boolean printedItself(String output) {
        return output.lines().map(String::strip).anyMatch(l -> !l.isEmpty() && !TestOutput.isFraming(l));
    }

    /** What kind of error, from the message {@link PackageEvents} gave it. */
    private static String errorType(TestCaseResult t) {
        String message = t.failureMessage().orElse("");
        if (message.startsWith(PackageEvents.DID_NOT_BUILD)) {
            return "build failure";
        }
        if (message.startsWith(PackageEvents.NO_RESULT_PREFIX)) {
            return "no result";
        }
        return message.startsWith("panic: ") ? "panic outside a test" : "test binary failure";
    }

    private static String oneLine(String message) {
        String line = message.replace('\n', ' ').replace('\r', ' ');
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "…";
    }

    private static long count(PackageResult p, Status status) {
        return p.tests().stream().filter(t -> t.status() == status).count();
    }

    /** Surefire's time: seconds with at most three decimals, never negative (its schema has no sign). */
    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", Double.isFinite(seconds) && seconds > 0 ? seconds : 0.0);
    }
}
