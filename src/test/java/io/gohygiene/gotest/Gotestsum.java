package io.gohygiene.gotest;

import io.gohygiene.testing.GoOnPath;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * gotestsum's JUnit writer, the reference for which test cases a {@code go test -json} stream holds and what each
 * came to. Installed once into ~/.cache/go-hygiene/bin (v1.12.0, the version first asked for, no longer builds with
 * Go 1.26: its golang.org/x/tools v0.19.0 fails to compile; v1.13.0 does).
 */
final class Gotestsum {

    static final String VERSION = "v1.13.0";
    static final Path BIN = Path.of(System.getProperty("user.home"), ".cache", "go-hygiene", "bin");

    /** One test case as a CI server lists it. */
    record Case(String classname, String name, Status status) {
        @Override
        public String toString() {
            return classname + " " + name + " " + status;
        }
    }

    private Gotestsum() {
    }

    /** Runs gotestsum's {@code --junitfile} on {@code events}, a file of {@code go test -json} output; returns its report. */
    static Path junit(Path events, Path work) throws Exception {
        Path junit = work.resolve("gotestsum.xml");
        Process p = new ProcessBuilder(executable().toString(), "--raw-command", "--junitfile", junit.toString(), "--", "cat", events.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("gotestsum did not end in 2 minutes");
        }
        return junit;
    }

    /** (classname, name, status) of every testcase in a JUnit file: failure → FAIL, error → ERROR, skipped → SKIP. */
    static Set<Case> parse(Path junit) throws Exception {
        Set<Case> cases = new HashSet<>();
        casesBySuite(junit).values().forEach(cases::addAll);
        return cases;
    }

    /** The cases of a JUnit file by the name of the testsuite holding them. */
    static Map<String, Set<Case>> casesBySuite(Path junit) throws Exception {
        Document doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(junit.toFile());
        NodeList testcases = doc.getElementsByTagName("testcase");
        Map<String, Set<Case>> cases = new HashMap<>();
        for (int i = 0; i < testcases.getLength(); i++) {
            Element c = (Element) testcases.item(i);
            Status status = c.getElementsByTagName("failure").getLength() > 0 ? Status.FAIL
                    : c.getElementsByTagName("error").getLength() > 0 ? Status.ERROR
                    : c.getElementsByTagName("skipped").getLength() > 0 ? Status.SKIP : Status.PASS;
            String suite = ((Element) c.getParentNode()).getAttribute("name");
            cases.computeIfAbsent(suite, k -> new HashSet<>()).add(new Case(c.getAttribute("classname"), c.getAttribute("name"), status));
        }
        return cases;
    }

    private static Path executable() throws IOException, InterruptedException {
        Path gotestsum = BIN.resolve("gotestsum");
        if (Files.isExecutable(gotestsum)) {
            return gotestsum;
        }
        ProcessBuilder install = new ProcessBuilder(GoOnPath.executable().toString(), "install", "gotest.tools/gotestsum@" + VERSION)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        install.environment().put("GOBIN", BIN.toString());
        install.environment().remove("GOFLAGS");
        Process p = install.start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.isExecutable(gotestsum)) {
            throw new IllegalStateException("could not install gotestsum " + VERSION + " into " + BIN);
        }
        return gotestsum;
    }
}
