package io.gohygiene.toolchain;

import io.gohygiene.finding.Finding;

import java.util.List;

/** One named check of the toolchain; it reports every row it looked at, passes included, so the table shows what was checked. */
public interface ToolchainCheck {

    /** The id users write in {@code <checks>} to change its severity: hostArchitecture, goVersion … */
    String id();

    List<Finding> check(ToolchainContext context);
}
