package io.gohygiene.toolchain;

import java.util.List;
import java.util.Optional;

/**
 * The machine as it really is, not as the JVM sees it: the hardware's native GOARCH, whether this JVM
 * runs translated (Rosetta 2), and which foreign architectures the kernel runs through an emulator
 * (binfmt_misc entries for qemu or Rosetta on Linux).
 *
 * @param goos        host OS in Go's words
 * @param nativeArch  the hardware's GOARCH, if it could be determined
 * @param jvmArch     GOARCH of this JVM process (os.arch), which is not the hardware's under emulation
 * @param translated  this JVM process itself runs translated
 * @param emulators   foreign architectures the kernel runs through an emulator, with how
 * @param evidence    what the native architecture was read from, for the report
 */
public record HostPlatform(String goos, Optional<String> nativeArch, Optional<String> jvmArch, boolean translated,
                           List<Emulator> emulators, String evidence) {

    /** A binfmt_misc registration that runs binaries of {@code goarch} through {@code interpreter}. */
    public record Emulator(String goarch, String name, String interpreter) {
    }

    public HostPlatform {
        emulators = List.copyOf(emulators);
    }

    public Optional<Emulator> emulatorFor(String goarch) {
        return emulators.stream().filter(e -> e.goarch().equals(goarch)).findFirst();
    }
}
