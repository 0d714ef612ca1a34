// A program linking golang.org/x/net v0.22.0 (old on purpose): an HTTP/2 server and client and the HTML parser,
// so Go's vulnerability database has symbols to find linked (http2, html). The differential test compares what
// govulncheck and the vulnerabilities rule say about it.
package main

import (
	"fmt"
	"net/http"
	"os"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/http2"
)

func main() {
	server := &http.Server{Addr: os.Getenv("ADDR")}
	if err := http2.ConfigureServer(server, &http2.Server{}); err != nil {
		fmt.Println(err)
	}
	client := &http.Client{Transport: &http2.Transport{}}
	if url := os.Getenv("URL"); url != "" {
		if resp, err := client.Get(url); err == nil {
			resp.Body.Close()
		}
	}
	doc, err := html.Parse(strings.NewReader(os.Getenv("HTML")))
	fmt.Println(doc != nil, err)
	if os.Getenv("ADDR") != "" {
		fmt.Println(server.ListenAndServeTLS("cert.pem", "key.pem"))
	}
}
