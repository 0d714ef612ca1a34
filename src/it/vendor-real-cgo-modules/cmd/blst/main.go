// blst's binding reaches ../blst.h, ../../src and ../../build (assembly) through #cgo -I${SRCDIR}/… lines.
package main

import (
	"fmt"

	blst "github.com/supranational/blst/bindings/go"
)

func main() {
	ikm := make([]byte, 32)
	for i := range ikm {
		ikm[i] = byte(i)
	}
	dst := []byte("BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_")
	msg := []byte("hello vendor")
	sk := blst.KeyGen(ikm)
	pk := new(blst.P1Affine).From(sk)
	sig := new(blst.P2Affine).Sign(sk, msg, dst)
	fmt.Printf("blst ok: verify=%v pk=%x\n", sig.Verify(true, pk, true, msg, dst), pk.Compress()[:8])
}
