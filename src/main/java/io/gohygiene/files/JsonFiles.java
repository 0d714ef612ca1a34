package io.gohygiene.files;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The plugin's own small JSON files under target/ (the vendor manifest, the cgo paths): indented, tolerant of fields
 * a newer plugin added, written whole or not at all. jackson-jr, not databind: these are read on every run, and
 * jackson-jr starts in a third of the time.
 */
public final class JsonFiles {

    /** In a holder, so that a class that only might write JSON does not start the JSON library when it does not. */
    private static final class Json {
        static final JSON FILES = JSON.builder().enable(JSON.Feature.PRETTY_PRINT_OUTPUT)
                .disable(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY).build();
    }

    private JsonFiles() {
    }

    public static <T> T read(Path file, Class<T> type) throws IOException {
        return Json.FILES.beanFrom(type, file.toFile());
    }

    public static void write(Object value, Path file) throws IOException {
        AtomicFiles.write(file, Json.FILES.asBytes(value));
    }
}
