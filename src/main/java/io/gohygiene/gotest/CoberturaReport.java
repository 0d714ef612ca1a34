package io.gohygiene.gotest;

import io.gohygiene.files.AtomicFiles;
import io.gohygiene.report.XmlText;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link CoverageProfile} as Cobertura XML (coverage-04.dtd), the format GitLab's {@code coverage_report} and
 * Jenkins' Coverage plugin read: a {@code package} per Go package, a {@code class} per Go file (Go has no classes;
 * the file is the unit both tools show), a {@code line} per line with statements and its hits. Go's profile has no
 * branch data: branch rates are 0 with no branches counted, as other Go converters write them.
 */
public final class CoberturaReport {

    static final String DTD = "http://cobertura.sourceforge.net/xml/coverage-04.dtd";

    private CoberturaReport() {
    }

    /** Writes {@code file} whole or not at all; {@code sourceRoot} (the module directory) is where the filenames are. */
    public static void write(CoverageProfile profile, Path sourceRoot, Path file, long timestampMillis) throws IOException {
        AtomicFiles.write(file, out -> render(profile, sourceRoot, out, timestampMillis));
    }

    static void render(CoverageProfile profile, Path sourceRoot, OutputStream out, long timestampMillis) throws IOException {
        Map<String, List<CoverageProfile.FileCoverage>> packages = new LinkedHashMap<>();
        for (CoverageProfile.FileCoverage f : profile.files()) {
            packages.computeIfAbsent(f.packagePath(), p -> new ArrayList<>()).add(f);
        }
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeDTD("<!DOCTYPE coverage SYSTEM \"" + DTD + "\">");
            xml.writeCharacters("\n");
            xml.writeStartElement("coverage");
            long valid = lines(profile.files());
            long covered = covered(profile.files());
            xml.writeAttribute("line-rate", rate(covered, valid));
            xml.writeAttribute("branch-rate", "0");
            xml.writeAttribute("lines-covered", Long.toString(covered));
            xml.writeAttribute("lines-valid", Long.toString(valid));
            xml.writeAttribute("branches-covered", "0");
            xml.writeAttribute("branches-valid", "0");
            xml.writeAttribute("complexity", "0");
            xml.writeAttribute("version", "go-hygiene " + profile.mode());
            xml.writeAttribute("timestamp", Long.toString(timestampMillis));
            xml.writeCharacters("\n  ");
            xml.writeStartElement("sources");
            xml.writeCharacters("\n    ");
            xml.writeStartElement("source");
            xml.writeCharacters(XmlText.safe(sourceRoot.toAbsolutePath().normalize().toString()));
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
            xml.writeStartElement("packages");
            for (Map.Entry<String, List<CoverageProfile.FileCoverage>> p : packages.entrySet()) {
                writePackage(xml, p.getKey(), p.getValue());
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("the Cobertura report could not be written: " + e.getMessage(), e);
        }
    }

    private static void writePackage(XMLStreamWriter xml, String name, List<CoverageProfile.FileCoverage> files) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("package");
        xml.writeAttribute("name", XmlText.safe(name));
        xml.writeAttribute("line-rate", rate(covered(files), lines(files)));
        xml.writeAttribute("branch-rate", "0");
        xml.writeAttribute("complexity", "0");
        xml.writeCharacters("\n      ");
        xml.writeStartElement("classes");
        for (CoverageProfile.FileCoverage f : files) {
            xml.writeCharacters("\n        ");
            xml.writeStartElement("class");
            xml.writeAttribute("name", XmlText.safe(f.relativePath().substring(f.relativePath().lastIndexOf('/') + 1)));
            xml.writeAttribute("filename", XmlText.safe(f.relativePath()));
            xml.writeAttribute("line-rate", rate(f.coveredLines(), f.lineHits().size()));
            xml.writeAttribute("branch-rate", "0");
            xml.writeAttribute("complexity", "0");
            xml.writeCharacters("\n          ");
            xml.writeEmptyElement("methods");
            xml.writeCharacters("\n          ");
            xml.writeStartElement("lines");
            for (Map.Entry<Integer, Long> line : f.lineHits().entrySet()) {
                xml.writeCharacters("\n            ");
                xml.writeEmptyElement("line");
                xml.writeAttribute("number", Integer.toString(line.getKey()));
                xml.writeAttribute("hits", Long.toString(line.getValue()));
                xml.writeAttribute("branch", "false");
            }
            xml.writeCharacters("\n          ");
            xml.writeEndElement();
            xml.writeCharacters("\n        ");
            xml.writeEndElement();
        }
        xml.writeCharacters("\n      ");
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static long lines(List<CoverageProfile.FileCoverage> files) {
        return files.stream().mapToLong(f -> f.lineHits().size()).sum();
    }

    private static long covered(List<CoverageProfile.FileCoverage> files) {
        return files.stream().mapToLong(CoverageProfile.FileCoverage::coveredLines).sum();
    }

    /** covered/valid with up to four decimals, {@code 1} when nothing is measurable (no line can be missed). */
    static String rate(long covered, long valid) {
        if (valid == 0) {
            return "1";
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4f", (double) covered / valid)).stripTrailingZeros().toPlainString();
    }
}
