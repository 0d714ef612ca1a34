/**
 * Go build info: the blob the Go linker embeds in every executable (magic {@code "\xff Go buildinf:"}, 16-byte
 * aligned, in the writable data), decoded into a {@link io.gohygiene.binary.buildinfo.BuildInfo} that agrees with
 * {@code go version -m} field by field, for the inline layout of Go 1.18+ and the pointer layout of Go 1.13–1.17,
 * 32- and 64-bit, either byte order.
 *
 * <p>Entry points: {@link io.gohygiene.binary.buildinfo.BuildInfoReader#read} with an
 * {@link io.gohygiene.binary.ExecutableImage} (both layouts), and
 * {@link io.gohygiene.binary.buildinfo.BuildInfoReader#readInline} over a range of the file (inline layout only,
 * no image needed). Sources followed: Go's src/debug/buildinfo/buildinfo.go (finding and decoding the blob),
 * src/runtime/debug/mod.go (ParseBuildInfo, the module-info text) and src/strconv/quote.go (quoted build settings).
 */
package io.gohygiene.binary.buildinfo;
