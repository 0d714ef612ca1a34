package io.gohygiene.gotest;

import io.gohygiene.gobuild.CToolchain;
import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.testing.GoOnPath;
import io.gohygiene.testing.TestTrees;
import io.gohygiene.toolchain.LiveSystemProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A linux/arm64 cgo package's tests compiled for arm64 with Debian's cross gcc and run under qemu-aarch64 on this
 * amd64 machine, through the plugin's run: a test compiled only for arm64 asserts runtime.GOARCH and what the C
 * library's uname says, so a pass proves the emulated run (.ci/run installs qemu-user and the cross gcc).
 */
class EmulatedTestRunTest {

    static final Path SOURCE = Path.of("src/test/resources/gotest/emulated").toAbsolutePath();

    @TempDir
    Path work;

    @Test
    void arm64CgoTestsRunUnderQemuAndAreReportedForTheirTarget() throws Exception {
        Platform host = linuxAmd64Host();
        LiveSystemProbe probe = new LiveSystemProbe();
        assumeTrue(probe.which("aarch64-linux-gnu-gcc").isPresent(), "aarch64-linux-gnu-gcc is not installed (.ci/run installs it)");
        Target arm64 = new Target(Platform.parse("linux/arm64"), null, true, null);
        List<EmulatedTestPlan> plans = EmulatedTestPlan.plan(List.of(arm64), Map.of(), host, probe);
        assertEquals(1, plans.size());
        assumeTrue(plans.get(0).emulator().isPresent(), plans.get(0).skipped().orElse("") + " (.ci/run installs qemu-user)");
        Emulator emulator = plans.get(0).emulator().get();
        assertEquals(Optional.of(Path.of("/usr/aarch64-linux-gnu")), emulator.loaderPrefix(), "Debian's cross libc is the loader prefix");

        Path module = work.resolve("emulated");
        TestTrees.copy(SOURCE, module);
        GoTestRequest request = new GoTestRequest(GoTestRunTest.buildRequest(module, Map.of(), Duration.ofMinutes(5), List.of()),
                TestSelection.of(null, null), List.of("-count=1"), Optional.of(module.resolve("target/cover.out")), Optional.empty(),
                module.resolve("target/surefire-reports"));
        assertEquals("aarch64-linux-gnu-gcc", plans.get(0).target().cc(), "the cross gcc found on PATH, as the build goal finds it");
        GoTestResult result = GoTestRun.runEmulated(GoOnPath.executable(), host, plans.get(0).target(), CToolchain.DEFAULT, request, emulator,
                new ProcessRunner());

        assertFalse(result.failed(), result.packages().toString());
        assertTrue(result.command().contains("-exec=" + emulator.executable() + " -L /usr/aarch64-linux-gnu"), result.command());
        assertTrue(result.coverage().isEmpty(), "coverage is measured on the host run only");
        Path report = module.resolve("target/surefire-reports/TEST-example.com.emulated.arch-linux-arm64.xml");
        assertEquals(List.of(report), result.reports());
        Document xml = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(report.toFile());
        Element suite = xml.getDocumentElement();
        assertEquals("example.com/emulated/arch (linux/arm64)", suite.getAttribute("name"));
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals(List.of("TestAddInC", "TestRunsAsArm64"), caseNames(xml).stream().sorted().toList());

        // The same package on the host: the arm64-only test is not compiled there, and the report has no suffix.
        GoTestResult native_ = GoTestRun.run(GoOnPath.executable(), host, new Target(host, null, true, null), CToolchain.DEFAULT,
                request, new ProcessRunner());
        assertFalse(native_.failed(), native_.packages().toString());
        assertEquals(List.of("TestAddInC"), native_.packages().get(0).tests().stream().map(TestCaseResult::name).toList());
        assertTrue(Files.isRegularFile(module.resolve("target/surefire-reports/TEST-example.com.emulated.arch.xml")));
    }

    @Test
    void withoutTheLoaderPrefixACgoTestBinaryCannotStartAndThatIsAFailureNotAPass() throws Exception {
        Platform host = linuxAmd64Host();
        LiveSystemProbe probe = new LiveSystemProbe();
        Optional<Path> qemu = probe.which("qemu-aarch64");
        assumeTrue(qemu.isPresent() && probe.which("aarch64-linux-gnu-gcc").isPresent(), "qemu-aarch64 and aarch64-linux-gnu-gcc (.ci/run installs them)");
        Path module = work.resolve("emulated");
        TestTrees.copy(SOURCE, module);
        GoTestRequest request = new GoTestRequest(GoTestRunTest.buildRequest(module, Map.of(), Duration.ofMinutes(5), List.of()),
                TestSelection.of(null, null), List.of("-count=1"), Optional.empty(), Optional.empty(), module.resolve("target/surefire-reports"));
        GoTestResult result = GoTestRun.runEmulated(GoOnPath.executable(), host, new Target(Platform.parse("linux/arm64"), null, true, "aarch64-linux-gnu-gcc"),
                CToolchain.DEFAULT, request, new Emulator(qemu.get(), Optional.empty()), new ProcessRunner());

        assertTrue(result.failed(), "a test binary qemu could not start must fail the run: " + result.packages());
    }

    /** The host go runs on, when it is linux/amd64 (these tests emulate arm64 there); else the test is skipped. */
    static Platform linuxAmd64Host() throws Exception {
        Platform host = GoTestRunTest.host();
        assumeTrue(host.equals(Platform.parse("linux/amd64")), "this test emulates arm64 on a linux/amd64 host; this one is " + host);
        return host;
    }

    private static List<String> caseNames(Document xml) {
        NodeList cases = xml.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        return names;
    }
}
