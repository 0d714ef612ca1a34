package io.gohygiene.toolchain;

import java.nio.file.Path;
import java.util.List;

/** The {@code go} executable that will run, which source named it, and what was looked at before it. */
public record LocatedGo(Path executable, String source, List<String> tried) {
    public LocatedGo {
        tried = List.copyOf(tried);
    }
}
