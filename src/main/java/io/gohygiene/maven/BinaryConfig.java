package io.gohygiene.maven;

import java.io.File;

/** A binary built elsewhere that {@code verify} checks: {@code <binary><file>…</file><target>linux/arm64</target></binary>}. */
public class BinaryConfig {

    File file;
    String target;

    public void setFile(File file) {
        this.file = file;
    }

    public void setTarget(String target) {
        this.target = target;
    }
}
