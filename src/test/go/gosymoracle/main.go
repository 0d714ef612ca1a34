// Command gosymoracle prints, for each file named in the list file given as its argument, one JSON line
// {"File":..., "Names":[...], "Err":...}: the function names Go's own debug/gosym reads from the file's pclntab,
// found as cmd/internal/objfile (go tool nm) finds it: the .gopclntab / __gopclntab section, or in PE the
// runtime.pclntab and runtime.epclntab symbols (which -s removes: such a file gets an Err).
package main

import (
	"bufio"
	"debug/elf"
	"debug/gosym"
	"debug/macho"
	"debug/pe"
	"encoding/json"
	"errors"
	"fmt"
	"os"
)

type answer struct {
	File  string
	Names []string
	Err   string `json:",omitempty"`
}

func main() {
	list, err := os.Open(os.Args[1])
	if err != nil {
		panic(err)
	}
	out := json.NewEncoder(os.Stdout)
	lines := bufio.NewScanner(list)
	for lines.Scan() {
		a := answer{File: lines.Text()}
		names, err := functionNames(a.File)
		if err != nil {
			a.Err = err.Error()
		}
		a.Names = names
		if err := out.Encode(a); err != nil {
			panic(err)
		}
	}
}

func functionNames(file string) ([]string, error) {
	data, err := pclntab(file)
	if err != nil {
		return nil, err
	}
	table, err := gosym.NewTable(nil, gosym.NewLineTable(data, 0))
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(table.Funcs))
	for _, f := range table.Funcs {
		names = append(names, f.Name)
	}
	return names, nil
}

func pclntab(file string) ([]byte, error) {
	if f, err := elf.Open(file); err == nil {
		defer f.Close()
		if s := f.Section(".gopclntab"); s != nil {
			return s.Data()
		}
		return nil, errors.New("no .gopclntab section")
	}
	if f, err := macho.Open(file); err == nil {
		defer f.Close()
		return machoPclntab(f)
	}
	if f, err := macho.OpenFat(file); err == nil {
		defer f.Close()
		return machoPclntab(f.Arches[0].File)
	}
	if f, err := pe.Open(file); err == nil {
		defer f.Close()
		return pePclntab(f)
	}
	return nil, errors.New("not an ELF, Mach-O or PE file")
}

func machoPclntab(f *macho.File) ([]byte, error) {
	if s := f.Section("__gopclntab"); s != nil {
		return s.Data()
	}
	return nil, errors.New("no __gopclntab section")
}

// pePclntab is cmd/internal/objfile's loadPETable for runtime.pclntab .. runtime.epclntab.
func pePclntab(f *pe.File) ([]byte, error) {
	var start, end *pe.Symbol
	for _, s := range f.Symbols {
		switch s.Name {
		case "runtime.pclntab":
			start = s
		case "runtime.epclntab":
			end = s
		}
	}
	if start == nil || end == nil {
		return nil, errors.New("no runtime.pclntab symbols")
	}
	if start.SectionNumber != end.SectionNumber || start.SectionNumber <= 0 || int(start.SectionNumber) > len(f.Sections) {
		return nil, fmt.Errorf("runtime.pclntab symbols in sections %d and %d", start.SectionNumber, end.SectionNumber)
	}
	data, err := f.Sections[start.SectionNumber-1].Data()
	if err != nil {
		return nil, err
	}
	if start.Value > end.Value || int(end.Value) > len(data) {
		return nil, errors.New("runtime.pclntab symbols out of their section")
	}
	return data[start.Value:end.Value], nil
}
