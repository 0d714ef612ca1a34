// Command semveroracle answers, for each version in a file (one per line), what golang.org/x/mod/semver says:
// "rank<TAB>valid<TAB>version", where rank is the version's place among all the file's versions in semver.Compare
// order (equal versions share a rank). The Java GoSemver must give the same ranks: a differential test.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"

	"golang.org/x/mod/semver"
)

func main() {
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var versions []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		versions = append(versions, s.Text())
	}
	sorted := append([]string(nil), versions...)
	sort.SliceStable(sorted, func(i, j int) bool { return semver.Compare(sorted[i], sorted[j]) < 0 })
	rank := map[string]int{}
	r := 0
	for i, v := range sorted {
		if i > 0 && semver.Compare(sorted[i-1], v) != 0 {
			r++
		}
		rank[v] = r
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for _, v := range versions {
		fmt.Fprintf(w, "%d\t%t\t%s\n", rank[v], semver.IsValid(v), v)
	}
}
