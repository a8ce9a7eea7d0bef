package testenv

import (
	"crypto/rand"
	"encoding/hex"
	"net"
	"testing"
)

// FreePort returns a TCP port of 127.0.0.1 that is free now (the kernel's
// choice), for a server the test starts.
func FreePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// RandomHex returns n random bytes in hexadecimal: a token, a password or a
// unique name.
func RandomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
