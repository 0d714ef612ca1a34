package io.gohygiene;

import io.gohygiene.process.ProcessRunner;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Mojos are threadSafe: under {@code mvn -T 4} the modules of a reactor run the plugin at once in one JVM, and a
 * Maven daemon keeps it loaded from one build to the next. Whatever the core keeps in static fields is shared by all
 * of them, so it must be constant: final, and immutable all the way down.
 */
class CoreStaticStateTest {

    /** The Maven adapter and the generated help Mojo; everything else under io.gohygiene is the core. */
    private static final List<String> NOT_CORE = List.of("io.gohygiene.maven.", "io.gohygiene.go_hygiene_maven_plugin.");

    /**
     * The one state that is per JVM by nature, each with why: the commands a JVM shutdown hook must kill when Maven
     * is stopped (a concurrent set; each command removes itself when it ends).
     */
    private static final List<String> PER_JVM_BY_NATURE = List.of("io.gohygiene.process.ProcessSession.RUNNING ");

    @Test
    void noCoreClassKeepsMutableStaticState() throws Exception {
        List<Class<?>> core = coreClasses();
        List<String> problems = new ArrayList<>();
        core.forEach(c -> problems.addAll(StaticStateAudit.problems(c)));
        problems.removeIf(p -> PER_JVM_BY_NATURE.stream().anyMatch(p::startsWith));

        assertTrue(core.size() > 100, "found only " + core.size() + " core classes; is the scan looking in the right place?");
        assertEquals(List.of(), problems);
    }

    @Test
    void theAuditFindsEachKindOfMutableStaticState() {
        List<String> problems = StaticStateAudit.problems(Offender.class);

        String at = Offender.class.getName() + ".";
        // As a set: reflection does not promise the fields in their declared order.
        assertEquals(Set.of(
                at + "counter is static and not final",
                at + "CACHE holds a java.util.HashMap, which can change (use List.of, Set.of, Map.of or copyOf)",
                at + "SEEN holds a java.util.ArrayList, which can change (use List.of, Set.of, Map.of or copyOf)",
                at + "BY_PATH holds a java.util.concurrent.ConcurrentHashMap, which can change (use List.of, Set.of, Map.of or copyOf)",
                at + "DATE holds a java.text.SimpleDateFormat, not known to be immutable",
                at + "COUNT holds a java.util.concurrent.atomic.AtomicInteger, not known to be immutable",
                at + "NAMES holds an array, whose elements anyone holding it can change (use List.of)",
                at + "HOLDERS holds a collection with a " + Holder.class.getName()
                        + " whose field value is not final"), Set.copyOf(problems));
    }

    @Test
    void theAuditAcceptsConstants() {
        assertEquals(List.of(), StaticStateAudit.problems(Constants.class));
    }

    @SuppressWarnings("unused")
    static final class Offender {
        static int counter;
        static final Map<String, String> CACHE = new HashMap<>();
        static final List<String> SEEN = new ArrayList<>();
        static final Map<Path, String> BY_PATH = new ConcurrentHashMap<>();
        static final SimpleDateFormat DATE = new SimpleDateFormat("yyyy-MM-dd");
        static final AtomicInteger COUNT = new AtomicInteger();
        static final String[] NAMES = {"a", "b"};
        static final List<Holder> HOLDERS = List.of(new Holder());
    }

    static final class Holder {
        @SuppressWarnings("unused")
        String value = "changeable";
    }

    @SuppressWarnings("unused")
    static final class Constants {
        static final int LIMIT = 3;
        static final String NAME = "go";
        static final List<String> LIST = List.of("a", "b");
        static final Map<String, List<Integer>> MAP = Map.of("k", List.of(1, 2));
        static final Set<String> WRAPPED = Collections.unmodifiableSet(new TreeSet<>(List.of("x")));
        static final Point ORIGIN = new Point(0, 0);
        static final Runnable NOTHING = () -> { };
        static final int[] NONE = {};

        record Point(int x, int y) {
        }
    }

    /** Every class compiled from src/main/java outside the Maven adapter, loaded and initialised. */
    private static List<Class<?>> coreClasses() throws Exception {
        Path root = Path.of(ProcessRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                if (name.startsWith("io.gohygiene.") && !name.endsWith("package-info")
                        && NOT_CORE.stream().noneMatch(name::startsWith)) {
                    classes.add(Class.forName(name, true, CoreStaticStateTest.class.getClassLoader()));
                }
            }
        }
        return classes;
    }
}
