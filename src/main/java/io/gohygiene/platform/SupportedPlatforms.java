package io.gohygiene.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platforms a Go toolchain can build for, as {@code go tool dist list -json} reports them,
 * with whether each supports cgo and is a first-class port.
 */
public final class SupportedPlatforms {

    /** One row of {@code go tool dist list -json}. */
    public record Entry(Platform platform, boolean cgoSupported, boolean firstClass) {
    }

    private final Map<Platform, Entry> entries;
    private final String goVersion;

    public SupportedPlatforms(Collection<Entry> entries, String goVersion) {
        Map<Platform, Entry> byPlatform = new java.util.TreeMap<>();
        entries.forEach(e -> byPlatform.put(e.platform(), e));
        this.entries = java.util.Collections.unmodifiableMap(byPlatform);
        this.goVersion = goVersion;
    }

    public Optional<Entry> find(Platform platform) {
        return Optional.ofNullable(entries.get(platform));
    }

    public Collection<Platform> platforms() {
        return entries.keySet();
    }

    /** Fails, listing every valid platform, when any target is not one this toolchain knows. */
    public void requireKnown(List<Target> targets) throws UnknownTargetException {
        List<Target> unknown = new ArrayList<>();
        for (Target t : targets) {
            if (!entries.containsKey(t.platform())) {
                unknown.add(t);
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnknownTargetException(unknown, entries.keySet(), goVersion);
        }
    }
}
