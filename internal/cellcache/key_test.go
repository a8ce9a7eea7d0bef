package cellcache

import "testing"

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
