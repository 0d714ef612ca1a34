package io.gohygiene.gobuild;

import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.toolchain.SystemProbe;

/**
 * Kept for the build Mojo's call only: the resolution lives in {@link io.gohygiene.toolchain.CrossCompilers}, where the
 * toolchain gate uses it too.
 *
 * @deprecated call {@link io.gohygiene.toolchain.CrossCompilers#withDiscoveredCompiler} directly
 */
@Deprecated
public final class CrossCompilers {

    private CrossCompilers() {
    }

    /** See {@link io.gohygiene.toolchain.CrossCompilers#withDiscoveredCompiler}. */
    public static Target withDiscoveredCompiler(Target target, Platform host, SystemProbe probe) {
        return io.gohygiene.toolchain.CrossCompilers.withDiscoveredCompiler(target, host, probe);
    }
}
