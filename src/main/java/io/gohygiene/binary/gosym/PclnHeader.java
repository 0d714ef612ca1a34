package io.gohygiene.binary.gosym;

/**
 * The fixed part of a Go pclntab header, as Go's debug/gosym (parsePclnTab) reads it: the layout version the magic
 * names ({@code 12} for Go 1.2–1.15, magic 0xfffffffb; {@code 116} for 1.16–1.17, 0xfffffffa; {@code 118} for
 * 1.18–1.19, 0xfffffff0; {@code 120} for 1.20+, 0xfffffff1), the instruction-size quantum (1, 2 or 4), the pointer
 * size (4 or 8) and the number of functions in the function table.
 */
public record PclnHeader(int version, int quantum, int ptrSize, long functionCount) {
}
