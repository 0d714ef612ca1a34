package io.gohygiene.platform;

import java.util.Objects;
import java.util.Optional;

/**
 * What one build must produce: a platform, an optional architecture variant (GOAMD64=v3, GOARM=7 …),
 * whether cgo is wanted ({@code null}: Go's own default) and which C compiler to use for it.
 */
public record Target(Platform platform, String variant, Boolean cgo, String cc) {

    public Target {
        Objects.requireNonNull(platform, "platform");
        if (variant != null && variant.isBlank()) {
            variant = null;
        }
        if (cc != null && cc.isBlank()) {
            cc = null;
        }
        if (variant != null) {
            String given = variant;
            Variant v = Variant.forGoarch(platform.goarch()).orElseThrow(() -> new IllegalArgumentException(
                    "target " + platform + " has no architecture variant, yet '" + given + "' was given"));
            if (!v.accepts(variant)) {
                throw new IllegalArgumentException("'" + variant + "' is not a valid " + v + " for " + platform
                        + "; valid: " + v.acceptedValues());
            }
        }
    }

    public static Target of(Platform platform) {
        return new Target(platform, null, null, null);
    }

    /** Parses the short form {@code goos/goarch[/variant]}: {@code linux/amd64}, {@code linux/arm/7}, {@code linux/amd64/v3}. */
    public static Target parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length < 2 || parts.length > 3 || (parts.length == 3 && parts[2].isBlank())) {
            throw new IllegalArgumentException("'" + text + "' is not a target; write it as GOOS/GOARCH or GOOS/GOARCH/VARIANT,"
                    + " e.g. linux/amd64 or linux/arm/7");
        }
        Platform platform = Platform.parse(parts[0] + "/" + parts[1]);
        return new Target(platform, parts.length == 3 ? parts[2].strip() : null, null, null);
    }

    public String goos() {
        return platform.goos();
    }

    public String goarch() {
        return platform.goarch();
    }

    /** The variable and value that select the variant, e.g. GOAMD64=v3. */
    public Optional<Variant> variantVariable() {
        return variant == null ? Optional.empty() : Variant.forGoarch(platform.goarch());
    }

    /** True when cgo was asked for explicitly. */
    public boolean wantsCgo() {
        return Boolean.TRUE.equals(cgo);
    }

    /** {@code linux/amd64/v3}: the short form, for tables and messages. */
    public String name() {
        return variant == null ? platform.toString() : platform + "/" + variant;
    }

    @Override
    public String toString() {
        return name() + (wantsCgo() ? " (cgo" + (cc == null ? "" : ", CC=" + cc) + ")" : "");
    }
}
