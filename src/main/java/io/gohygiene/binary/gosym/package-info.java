/**
 * Go function names from the pclntab, the runtime's PC-to-function table that every Go binary keeps even when
 * stripped ({@code -ldflags=-s -w}): the groundwork for telling whether a vulnerable function is linked in.
 * Entry point: {@link io.gohygiene.binary.gosym.GoFunctionNames}. Sources followed: Go's src/debug/gosym/pclntab.go
 * (header layouts of Go 1.2, 1.16, 1.18 and 1.20, the function table and _func records) and how x/vuln's
 * internal/buildinfo finds the table in a stripped binary.
 */
package io.gohygiene.binary.gosym;
