package main

import "golang.org/x/text/language"

// preferredLanguage is the first language of an Accept-Language style list (HELLO_LANGUAGE), or "" for none.
//
// golang.org/x/text is pinned to v0.3.7 on purpose: Go's vulnerability database lists ParseAcceptLanguage there
// (GO-2022-1059, fixed in v0.3.8), so the verify goal shows what a known vulnerability looks like — a warning naming
// the linked symbol and the fix, and the SBOM's vulnerabilities. A real project upgrades: go get golang.org/x/text@v0.3.8.
func preferredLanguage(acceptLanguage string) string {
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return ""
	}
	return tags[0].String()
}
