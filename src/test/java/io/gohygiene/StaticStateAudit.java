package io.gohygiene;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Finds static state a class shares between everything that runs in its JVM: a static field that is not final, or a
 * final one whose value can change (a HashMap, an ArrayList, an array, a SimpleDateFormat, an object of ours with a
 * non-final field …). Values are followed through unmodifiable collections, records, enums and lambdas of ours, so
 * {@code List.of(new Mutable())} is caught too.
 */
final class StaticStateAudit {

    /** Values that cannot change once made. */
    private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Boolean.class, Character.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, BigInteger.class, BigDecimal.class,
            Pattern.class, Duration.class, URI.class, UUID.class, Class.class,
            // Jackson documents these as immutable.
            ObjectReader.class, ObjectWriter.class, JsonNodeFactory.class);

    /** The JDK's unmodifiable collections (List.of, Map.copyOf, Collections.unmodifiableSet …), by class name. */
    private static final List<String> UNMODIFIABLE_COLLECTIONS = List.of("java.util.ImmutableCollections$",
            "java.util.Collections$Unmodifiable", "java.util.Collections$Empty", "java.util.Collections$Singleton");

    private StaticStateAudit() {
    }

    /** One line per static field of {@code type} (not its nested classes) that holds mutable state; empty when none does. */
    static List<String> problems(Class<?> type) {
        List<String> problems = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            // Synthetic fields (an enum's $VALUES, a switch map) are the compiler's, never written after class init.
            if (!Modifier.isStatic(modifiers) || field.isSynthetic()) {
                continue;
            }
            String where = type.getName() + "." + field.getName();
            if (!Modifier.isFinal(modifiers)) {
                problems.add(where + " is static and not final");
                continue;
            }
            Object value;
            try {
                field.setAccessible(true);
                value = field.get(null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                problems.add(where + " cannot be read: " + e);
                continue;
            }
            // Thread-safe once configured (Jackson's documentation); private, so only its own class could reconfigure it.
            if (value instanceof ObjectMapper && Modifier.isPrivate(modifiers)) {
                continue;
            }
            // jackson-jr's JSON is immutable: its with(...) methods return new instances.
            if (value instanceof com.fasterxml.jackson.jr.ob.JSON) {
                continue;
            }
            mutability(value, Collections.newSetFromMap(new IdentityHashMap<>()))
                    .ifPresent(why -> problems.add(where + " holds " + why));
        }
        return problems;
    }

    /** Why {@code value} (or something it holds) can change; empty when it cannot. */
    private static Optional<String> mutability(Object value, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return Optional.empty();
        }
        Class<?> type = value.getClass();
        if (IMMUTABLE.contains(type) || value instanceof Path || value instanceof Charset
                || (value instanceof Enum<?> && !isOurs(type))) {
            return Optional.empty();
        }
        if (type.isArray()) {
            return Array.getLength(value) == 0 ? Optional.empty()
                    : Optional.of("an array, whose elements anyone holding it can change (use List.of)");
        }
        if (value instanceof Optional<?> optional) {
            return optional.isPresent() ? mutability(optional.get(), seen) : Optional.empty();
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            if (UNMODIFIABLE_COLLECTIONS.stream().noneMatch(type.getName()::startsWith)) {
                return Optional.of("a " + type.getName() + ", which can change (use List.of, Set.of, Map.of or copyOf)");
            }
            Collection<?> elements = value instanceof Map<?, ?> map ? map.entrySet() : (Collection<?>) value;
            for (Object element : elements) {
                Optional<String> why = element instanceof Map.Entry<?, ?> entry
                        ? mutability(entry.getKey(), seen).or(() -> mutability(entry.getValue(), seen))
                        : mutability(element, seen);
                if (why.isPresent()) {
                    return Optional.of("a collection with " + why.get());
                }
            }
            return Optional.empty();
        }
        if (isOurs(type)) {
            return ourObject(value, type, seen);
        }
        return Optional.of("a " + type.getName() + ", not known to be immutable");
    }

    /** A record, enum constant, lambda or class of ours: immutable when every instance field is final and immutable. */
    private static Optional<String> ourObject(Object value, Class<?> type, Set<Object> seen) {
        for (Class<?> c = type; c != null && isOurs(c); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                String where = type.getName() + "." + field.getName();
                if (!Modifier.isFinal(field.getModifiers())) {
                    return Optional.of("a " + type.getName() + " whose field " + field.getName() + " is not final");
                }
                Object fieldValue;
                try {
                    field.setAccessible(true);
                    fieldValue = field.get(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return Optional.of("a " + where + " that cannot be read: " + e);
                }
                Optional<String> why = mutability(fieldValue, seen);
                if (why.isPresent()) {
                    return Optional.of("a " + type.getName() + " whose " + field.getName() + " is " + why.get());
                }
            }
        }
        return Optional.empty();
    }

    /** Our classes, and the lambdas they create (hidden classes named after the class that made them). */
    private static boolean isOurs(Class<?> type) {
        return type.getName().startsWith("io.gohygiene.");
    }
}
