// A program linking gopkg.in/yaml.v2 v2.2.2 (old on purpose) and calling Unmarshal, for the differential test
// against govulncheck.
package main

import (
	"fmt"
	"os"

	"gopkg.in/yaml.v2"
)

func main() {
	var v map[string]interface{}
	err := yaml.Unmarshal([]byte(os.Getenv("YAML")), &v)
	fmt.Println(v, err)
}
