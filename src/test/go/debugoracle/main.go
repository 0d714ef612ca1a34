// Command debugoracle is the differential oracle for the Java binary parsers (DebugPackagesDifferentialTest): for
// each file named in the list file (one path a line) it prints one JSON line with what Go's own debug/elf,
// debug/macho (NewFile, NewFatFile), debug/pe and debug/buildinfo see in it, or the error each returned.
// Standard library only; a panic in a debug package is caught and reported as that package's answer.
package main

import (
	"bufio"
	"bytes"
	"debug/buildinfo"
	"debug/elf"
	"debug/macho"
	"debug/pe"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
)

// image is one executable image: the ELF or PE file, or one Mach-O (slice).
type image struct {
	Machine   uint32   // e_machine, cputype, COFF Machine
	Bits      int      // 32 or 64
	ByteOrder string   // "little" or "big"
	Type      uint32   // e_type, Mach-O filetype, COFF Characteristics
	Entry     uint64   // e_entry, PE AddressOfEntryPoint; 0 for Mach-O
	Interp    string   // PT_INTERP without its NUL
	Libs      []string // DT_NEEDED, LC_LOAD_DYLIB, the DLLs of the PE import table (first appearance order)
	LibsErr   string   `json:",omitempty"`
}

type result struct {
	File         string
	Format       string // by magic, as BinaryInspector names it: ELF, Mach-O, Mach-O universal, PE, or ""
	Err          string `json:",omitempty"` // the structural parser's error
	Images       []image
	BuildInfo    *debug.BuildInfo `json:",omitempty"`
	BuildInfoErr string           `json:",omitempty"`
}

func main() {
	list, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	out := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(out)
	for _, path := range strings.Split(strings.TrimSpace(string(list)), "\n") {
		if err := enc.Encode(inspect(path)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}

func inspect(path string) (r result) {
	r.File = path
	data, err := os.ReadFile(path)
	if err != nil {
		r.Err = err.Error()
		return r
	}
	r.Format = format(data)
	r.Err = guarded(func() error { return structure(&r, data) })
	var bi *debug.BuildInfo
	r.BuildInfoErr = guarded(func() error {
		var err error
		bi, err = buildinfo.Read(bytes.NewReader(data))
		return err
	})
	r.BuildInfo = bi
	return r
}

// guarded turns a panic of a debug package into an error text, so one bad file cannot end the run.
func guarded(f func() error) (text string) {
	defer func() {
		if p := recover(); p != nil {
			text = fmt.Sprint("panic: ", p)
		}
	}()
	if err := f(); err != nil {
		return err.Error()
	}
	return ""
}

func format(data []byte) string {
	if len(data) < 4 {
		return ""
	}
	big := binary.BigEndian.Uint32(data)
	little := binary.LittleEndian.Uint32(data)
	switch {
	case big == 0x7f454c46:
		return "ELF"
	case big == 0xcafebabe || big == 0xcafebabf:
		return "Mach-O universal"
	case little == 0xfeedface || little == 0xfeedfacf || big == 0xfeedface || big == 0xfeedfacf:
		return "Mach-O"
	case data[0] == 'M' && data[1] == 'Z':
		return "PE"
	}
	return ""
}

func structure(r *result, data []byte) error {
	in := bytes.NewReader(data)
	switch r.Format {
	case "ELF":
		f, err := elf.NewFile(in)
		if err != nil {
			return err
		}
		r.Images = append(r.Images, elfImage(f))
	case "Mach-O":
		f, err := macho.NewFile(in)
		if err != nil {
			return err
		}
		r.Images = append(r.Images, machoImage(f))
	case "Mach-O universal":
		f, err := macho.NewFatFile(in)
		if err != nil {
			return err
		}
		for _, arch := range f.Arches {
			r.Images = append(r.Images, machoImage(arch.File))
		}
	case "PE":
		f, err := pe.NewFile(in)
		if err != nil {
			return err
		}
		r.Images = append(r.Images, peImage(f))
	default:
		return fmt.Errorf("unknown magic")
	}
	return nil
}

func order(o binary.ByteOrder) string {
	if o == binary.BigEndian {
		return "big"
	}
	return "little"
}

func elfImage(f *elf.File) image {
	im := image{Machine: uint32(f.Machine), Bits: 32, ByteOrder: order(f.ByteOrder), Type: uint32(f.Type), Entry: f.Entry}
	if f.Class == elf.ELFCLASS64 {
		im.Bits = 64
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			b, err := io.ReadAll(p.Open())
			if err != nil {
				im.Interp = "error: " + err.Error()
			} else {
				im.Interp = strings.TrimRight(string(b), "\x00")
			}
			break
		}
	}
	libs, err := f.ImportedLibraries()
	im.Libs = libs
	if err != nil {
		im.LibsErr = err.Error()
	}
	return im
}

func machoImage(f *macho.File) image {
	im := image{Machine: uint32(f.Cpu), Bits: 32, ByteOrder: order(f.ByteOrder), Type: uint32(f.Type)}
	if f.Magic == macho.Magic64 {
		im.Bits = 64
	}
	libs, err := f.ImportedLibraries()
	im.Libs = libs
	if err != nil {
		im.LibsErr = err.Error()
	}
	return im
}

func peImage(f *pe.File) image {
	im := image{Machine: uint32(f.Machine), Bits: 32, ByteOrder: "little", Type: uint32(f.Characteristics)}
	switch oh := f.OptionalHeader.(type) {
	case *pe.OptionalHeader32:
		im.Entry = uint64(oh.AddressOfEntryPoint)
	case *pe.OptionalHeader64:
		im.Bits = 64
		im.Entry = uint64(oh.AddressOfEntryPoint)
	}
	// debug/pe's ImportedLibraries returns nothing; the DLLs are the suffixes of ImportedSymbols' "symbol:dll".
	syms, err := f.ImportedSymbols()
	if err != nil {
		im.LibsErr = err.Error()
	}
	seen := map[string]bool{}
	for _, s := range syms {
		dll := s[strings.LastIndex(s, ":")+1:]
		if !seen[dll] {
			seen[dll] = true
			im.Libs = append(im.Libs, dll)
		}
	}
	return im
}
