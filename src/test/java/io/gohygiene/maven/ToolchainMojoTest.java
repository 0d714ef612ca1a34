package io.gohygiene.maven;

import io.gohygiene.finding.FailOn;
import io.gohygiene.platform.Target;
import org.apache.maven.plugin.testing.AbstractMojoTestCase;

import java.io.File;
import java.time.Duration;
import java.util.List;

/** The pom configuration as Maven's configurator hands it to the Mojo: both target forms, rules, checks. */
public class ToolchainMojoTest extends AbstractMojoTestCase {

    private ToolchainMojo mojo() throws Exception {
        File pom = getTestFile("src/test/resources/unit/toolchain/pom.xml");
        ToolchainMojo mojo = (ToolchainMojo) lookupMojo("toolchain", pom);
        assertNotNull(mojo);
        return mojo;
    }

    public void testShortAndLongTargetFormsBecomeCoreTargets() throws Exception {
        List<Target> targets = mojo().coreTargets();
        assertEquals(List.of("linux/amd64/v3", "linux/arm64", "linux/arm/7"), targets.stream().map(Target::name).toList());
        assertTrue(targets.get(1).wantsCgo());
        assertEquals("aarch64-linux-gnu-gcc", targets.get(1).cc());
        assertNull(targets.get(0).cgo());
    }

    public void testRulesTimeoutAndFailOnAreRead() throws Exception {
        ToolchainMojo mojo = mojo();
        assertEquals("[1.22,)", mojo.rules.goVersion);
        assertEquals(Boolean.FALSE, mojo.rules.nativeToolchain);
        assertEquals("warn", mojo.checks.get("moduleSecurity"));
        assertEquals(Duration.ofSeconds(90), mojo.coreTimeout());
        assertEquals(FailOn.WARNING, mojo.coreFailOn());
    }

    public void testSkipDoesNotRunGo() throws Exception {
        ToolchainMojo mojo = mojo();
        mojo.skip = true;
        mojo.go = "/does/not/exist/go";
        mojo.execute();
    }

    public void testABadTargetIsAConfigurationErrorNamingIt() throws Exception {
        ToolchainMojo mojo = mojo();
        mojo.targets = List.of(new TargetConfig("linux/amd64/v9"));
        try {
            mojo.coreTargets();
            fail("linux/amd64/v9 is not a valid target");
        } catch (org.apache.maven.plugin.MojoExecutionException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("'v9' is not a valid GOAMD64 for linux/amd64; valid: v1, v2, v3, v4"));
        }
    }
}
