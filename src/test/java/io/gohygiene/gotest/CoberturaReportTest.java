package io.gohygiene.gotest;

import io.gohygiene.platform.Target;
import io.gohygiene.gobuild.CToolchain;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.testing.GoOnPath;
import io.gohygiene.testing.TestTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage of the fixture module src/test/resources/gotest/coverage run by the real {@code go test -coverprofile}
 * (two packages in one profile, a generated file), written as Cobertura XML and validated against coverage-04.dtd.
 */
class CoberturaReportTest {

    static final Path SOURCE = Path.of("src/test/resources/gotest/coverage").toAbsolutePath();
    static final Path DTD = Path.of("src/test/resources/gotest/coverage-04.dtd").toAbsolutePath();

    @TempDir
    Path work;

    @Test
    void aRealProfileBecomesADtdValidReportWithoutTheGeneratedFile() throws Exception {
        Path module = work.resolve("coverage");
        TestTrees.copy(SOURCE, module);
        Path xml = module.resolve("target/site/cobertura/coverage.xml");
        GoTestRequest request = new GoTestRequest(GoTestRunTest.buildRequest(module, Map.of(), Duration.ofMinutes(5), List.of()),
                TestSelection.of(null, null), List.of(), Optional.of(module.resolve("target/go-hygiene/coverage.out")), Optional.of(xml),
                module.resolve("target/surefire-reports"));
        GoTestResult result = GoTestRun.run(GoOnPath.executable(), GoTestRunTest.host(), Target.of(GoTestRunTest.host()), CToolchain.DEFAULT,
                request, new ProcessRunner());

        CoverageProfile profile = result.coverage().orElseThrow();
        assertEquals(List.of("example.com/gotestcoverage/calc/zz_generated.go"), profile.excluded());
        // go: calc.go 1 of 4 statements (Add, not Sign), other.go 1 of 1; the generated file's statement left out.
        assertEquals(5, profile.statements());
        assertEquals(2, profile.coveredStatements());
        assertEquals(40.0, profile.percent(), 1e-9);

        Document doc = parseValidating(xml);
        Element coverage = doc.getDocumentElement();
        assertEquals("6", coverage.getAttribute("lines-covered"));
        assertEquals("11", coverage.getAttribute("lines-valid"));
        assertEquals("0.5455", coverage.getAttribute("line-rate"));
        Map<String, String> classes = new HashMap<>();
        NodeList classNodes = doc.getElementsByTagName("class");
        for (int i = 0; i < classNodes.getLength(); i++) {
            Element c = (Element) classNodes.item(i);
            classes.put(((Element) c.getParentNode().getParentNode()).getAttribute("name") + " " + c.getAttribute("filename"), c.getAttribute("line-rate"));
        }
        assertEquals(Map.of("example.com/gotestcoverage/calc calc/calc.go", "0.375", "example.com/gotestcoverage/other other/other.go", "1"), classes);
        Map<Integer, Integer> calcHits = hits(doc, "calc/calc.go");
        assertEquals(1, calcHits.get(5), "return a + b ran");
        assertEquals(0, calcHits.get(10), "return -1 did not");
        assertTrue(Files.readString(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE coverage SYSTEM \"http://cobertura.sourceforge.net/xml/coverage-04.dtd\">"));
    }

    @Test
    void filesOfOtherModulesAndOfVendorAreLeftOut() throws Exception {
        Path module = work.resolve("m");
        Files.createDirectories(module);
        Files.writeString(module.resolve("go.mod"), "module \"example.com/m\" // quoted, as go allows\n\ngo 1.21\n");
        Path profile = Files.writeString(work.resolve("c.out"), String.join("\n", "mode: count",
                "example.com/m/a.go:3.10,5.2 2 3",
                "example.com/m/vendor/x/y.go:1.1,2.2 1 1",
                "example.org/dep/d.go:1.1,2.2 1 1",
                "example.com/m/a.go:3.10,5.2 2 4",
                "example.com/mother/z.go:1.1,1.9 1 0", ""));
        CoverageProfile read = CoverageProfile.read(profile, module);
        assertEquals(List.of("example.com/m/vendor/x/y.go", "example.org/dep/d.go", "example.com/mother/z.go"), read.excluded());
        CoverageProfile.FileCoverage a = read.files().get(0);
        assertEquals(2, a.statements(), "a block listed by two packages counts once");
        assertEquals(Map.of(3, 7L, 4, 7L, 5, 7L), a.lineHits(), "in count mode its hits add up");
    }

    @Test
    void aDamagedProfileLineIsNamed() throws Exception {
        Path module = work.resolve("m");
        Files.createDirectories(module);
        Files.writeString(module.resolve("go.mod"), "module example.com/m\n");
        Path profile = Files.writeString(work.resolve("c.out"), "mode: set\nexample.com/m/a.go:garbage\n");
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> CoverageProfile.read(profile, module));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("example.com/m/a.go:garbage"), e.getMessage());
    }

    private static Map<Integer, Integer> hits(Document doc, String filename) {
        Map<Integer, Integer> hits = new HashMap<>();
        NodeList classNodes = doc.getElementsByTagName("class");
        for (int i = 0; i < classNodes.getLength(); i++) {
            Element c = (Element) classNodes.item(i);
            if (c.getAttribute("filename").equals(filename)) {
                NodeList lines = c.getElementsByTagName("line");
                for (int j = 0; j < lines.getLength(); j++) {
                    Element l = (Element) lines.item(j);
                    hits.put(Integer.parseInt(l.getAttribute("number")), Integer.parseInt(l.getAttribute("hits")));
                }
            }
        }
        return hits;
    }

    /** Parsed with DTD validation against the stored coverage-04.dtd (never fetched); any error fails. */
    static Document parseValidating(Path xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setValidating(true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        List<String> errors = new ArrayList<>();
        builder.setEntityResolver((publicId, systemId) -> {
            assertEquals(CoberturaReport.DTD, systemId);
            return new InputSource(DTD.toUri().toString());
        });
        builder.setErrorHandler(new DefaultHandler() {
            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ": " + e.getMessage());
            }
        });
        Document doc = builder.parse(xml.toFile());
        assertEquals(List.of(), errors, "valid against coverage-04.dtd");
        return doc;
    }
}
