// A program linking a symbol Go's vulnerability database lists: golang.org/x/text v0.3.7's
// language.ParseAcceptLanguage (GO-2022-1059, fixed in v0.3.8).
package main

import (
	"fmt"
	"os"

	"golang.org/x/text/language"
)

func main() {
	tags, _, err := language.ParseAcceptLanguage(os.Getenv("ACCEPT_LANGUAGE"))
	fmt.Println(tags, err)
}
