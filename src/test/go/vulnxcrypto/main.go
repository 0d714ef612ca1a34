// A program linking golang.org/x/crypto v0.16.0's ssh (old on purpose: the Terrapin attack, GO-2023-2402, is fixed
// in v0.17.0): a client dial and a server handshake, for the differential test against govulncheck.
package main

import (
	"fmt"
	"net"
	"os"

	"golang.org/x/crypto/ssh"
)

func main() {
	config := &ssh.ClientConfig{User: os.Getenv("USER"), HostKeyCallback: ssh.InsecureIgnoreHostKey()}
	if addr := os.Getenv("SSH_ADDR"); addr != "" {
		client, err := ssh.Dial("tcp", addr, config)
		fmt.Println(client != nil, err)
	}
	if listen := os.Getenv("LISTEN"); listen != "" {
		l, err := net.Listen("tcp", listen)
		if err != nil {
			fmt.Println(err)
			return
		}
		conn, _ := l.Accept()
		_, _, _, err = ssh.NewServerConn(conn, &ssh.ServerConfig{NoClientAuth: true})
		fmt.Println(err)
	}
}
