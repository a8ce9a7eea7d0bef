package cellcache

import (
	"strings"
	"testing"
)

// TestEnvKey: the variables that change a build change the key; those of
// GoNB, gopls, Docker's build arguments and go's caches and network do not.
func TestEnvKey(t *testing.T) {
	base := []string{"HOME=/home/a", "PATH=/bin", "GOFLAGS=-mod=mod", "CGO_ENABLED=0", "GOTOOLCHAIN=local"}
	k := envKey(base)
	for _, v := range []string{"GOOS=windows", "GOARCH=arm64", "GOAMD64=v3", "GOEXPERIMENT=rangefunc", "GOFLAGS=-mod=mod -race",
		"CGO_CFLAGS=-O0", "CC=clang", "GO111MODULE=off", "GOROOT_FINAL=/x", "GOFIPS140=latest", "GOWORK=/w/go.work"} {
		if envKey(append(append([]string(nil), base...), v)) == k {
			t.Errorf("%s does not change the key", v)
		}
	}
	for _, v := range []string{"GO_VERSION=1.26.8", "GO_SHA256=abc", "GONB_DIR=/n", "GONB_TMP_DIR=/t", "GOPLSCACHE=/p",
		"GOCACHE=/c", "GOPROXY=https://x", "GOSUMDB=off", "GOMAXPROCS=1", "GOGC=50", "HOME=/home/b", "PATH=/usr/bin", "EIF_LANG=fr"} {
		if envKey(append(append([]string(nil), base...), v)) != k {
			t.Errorf("%s changes the key", v)
		}
	}
}

// TestSrcKeyGoSum: go.sum's lines for go.mod files do not change the source
// key; its lines for modules' contents, and the other files, do.
func TestSrcKeyGoSum(t *testing.T) {
	const modLine = "example.com/a v1.0.0/go.mod h1:AAAA=\n"
	const zipLine = "example.com/a v1.0.0 h1:BBBB=\n"
	mk := func(sum string) *cell {
		return &cell{files: map[string][]byte{"main.go": []byte("package main\n"), "go.mod": []byte("module gonb_cell\n"), "go.sum": []byte(sum)}}
	}
	k := srcKey(mk(zipLine))
	if got := srcKey(mk(zipLine + modLine)); got != k {
		t.Errorf("a go.mod hash line in go.sum changes the source key")
	}
	if got := srcKey(mk(modLine + zipLine)); got != k {
		t.Errorf("a go.mod hash line before the others changes the source key")
	}
	if got := srcKey(mk(zipLine + "example.com/b v1.0.0 h1:CCCC=\n")); got == k {
		t.Errorf("a module's content hash in go.sum does not change the source key")
	}
	if got := srcKey(mk(strings.Replace(zipLine, "BBBB", "DDDD", 1))); got == k {
		t.Errorf("a changed content hash does not change the source key")
	}
	c := mk(zipLine)
	c.files["main.go"] = []byte("package main\n\nfunc main() {}\n")
	if srcKey(c) == k {
		t.Errorf("an edited main.go does not change the source key")
	}
}
