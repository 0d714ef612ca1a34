// A standard-library-only program meant to be built with an old Go (GOTOOLCHAIN=go1.22.12), so the standard
// library itself carries known vulnerabilities: an HTTP server and client, html/template, net/mail, archive/zip,
// encoding/gob and crypto/x509, for the differential test against govulncheck.
package main

import (
	"archive/zip"
	"bytes"
	"crypto/x509"
	"encoding/gob"
	"fmt"
	"html/template"
	"net/http"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	if url := os.Getenv("URL"); url != "" {
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
		}
	}
	if addr := os.Getenv("ADDR"); addr != "" {
		fmt.Println(http.ListenAndServe(addr, http.FileServer(http.Dir("."))))
	}
	t := template.Must(template.New("t").Parse(os.Getenv("TEMPLATE")))
	_ = t.Execute(os.Stdout, os.Args)
	addrs, err := mail.ParseAddressList(os.Getenv("TO"))
	fmt.Println(addrs, err)
	if r, err := zip.NewReader(bytes.NewReader([]byte(os.Getenv("ZIP"))), int64(len(os.Getenv("ZIP")))); err == nil {
		fmt.Println(len(r.File))
	}
	var v map[string]int
	fmt.Println(gob.NewDecoder(strings.NewReader(os.Getenv("GOB"))).Decode(&v))
	if certs, err := x509.ParseCertificates([]byte(os.Getenv("CERT"))); err == nil && len(certs) > 0 {
		_, err = certs[0].Verify(x509.VerifyOptions{})
		fmt.Println(err)
	}
	fmt.Println(filepath.Clean(os.Getenv("PATH_IN")))
}
