package cellcache

import (
	"reflect"
	"strings"
	"testing"
)

// trace is the -x trace of `go build -json -x -o OUT` of a cell whose
// dependencies were all in the build cache (Go 1.26), one event per element.
func trace(extra ...string) []string {
	t := []string{
		"WORK=/tmp/go-build123\n",
		"mkdir -p $WORK/b001/\n",
		"cat >/tmp/go-build123/b001/importcfg << 'EOF' # internal\n# import config\npackagefile fmt=/c/a2/a2-d\npackagefile runtime=/c/be/be-d\nEOF\n",
		"cd /cache/v1/cells/abc\n",
		"/go/pkg/tool/linux_amd64/compile -o $WORK/b001/_pkg_.a -trimpath \"$WORK/b001=>\" -p main -lang=go1.26 -complete -buildid zz/zz -goversion go1.26.8 -c=2 -nolocalimports -importcfg $WORK/b001/importcfg -pack ./main.go\n",
		"go tool buildid -w $WORK/b001/_pkg_.a # internal\n",
		"cp $WORK/b001/_pkg_.a /c/32/32-d # internal\n",
		"cat >/tmp/go-build123/b001/importcfg.link << 'EOF' # internal\npackagefile gonb_cell=/tmp/go-build123/b001/_pkg_.a\npackagefile fmt=/c/a2/a2-d\nmodinfo \"x\"\nEOF\n",
		"mkdir -p $WORK/b001/exe/\n",
		"cd .\n",
		"GOROOT='/go' /go/pkg/tool/linux_amd64/link -o $WORK/b001/exe/a.out -importcfg $WORK/b001/importcfg.link -buildmode=exe -buildid=a/b/c/d -s -extld=gcc $WORK/b001/_pkg_.a\n",
		"go tool buildid -w $WORK/b001/exe/a.out # internal\n",
		"mv $WORK/b001/exe/a.out /cache/v1/cells/abc/build.out\n",
		"rm -rf $WORK/b001/\n",
	}
	return append(t, extra...)
}

func TestParseRecipe(t *testing.T) {
	r := parseRecipe(trace())
	if r == nil {
		t.Fatal("no recipe from a build of main alone")
	}
	want := &recipe{
		Dir:   "/cache/v1/cells/abc",
		Files: []string{"./main.go"},
		Compile: command{Args: []string{"/go/pkg/tool/linux_amd64/compile", "-o", "$WORK/b001/_pkg_.a", "-trimpath", "$WORK/b001=>",
			"-p", "main", "-lang=go1.26", "-complete", "-goversion", "go1.26.8", "-c=2", "-nolocalimports",
			"-importcfg", "$WORK/b001/importcfg", "-pack", "./main.go"}},
		Link: command{Env: []string{"GOROOT=/go"}, Args: []string{"/go/pkg/tool/linux_amd64/link", "-o", "$WORK/b001/exe/a.out",
			"-importcfg", "$WORK/b001/importcfg.link", "-buildmode=exe", "-s", "-extld=gcc", "$WORK/b001/_pkg_.a"}},
		ImportCfg: "# import config\npackagefile fmt=/c/a2/a2-d\npackagefile runtime=/c/be/be-d\n",
		LinkCfg:   "packagefile gonb_cell=$WORK/b001/_pkg_.a\npackagefile fmt=/c/a2/a2-d\nmodinfo \"x\"\n",
	}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("recipe:\n%#v\nwant\n%#v", r, want)
	}

	// Builds that are not a compile of main and a link: no recipe.
	for name, extra := range map[string]string{
		"a dependency compiled too": "/go/pkg/tool/linux_amd64/compile -o $WORK/b002/_pkg_.a -p example.com/x ./x.go\n",
		"embedded files":            "cat >/tmp/go-build123/b001/embedcfg << 'EOF' # internal\n{}\nEOF\n",
		"cgo":                       "/go/pkg/tool/linux_amd64/cgo -objdir $WORK/b001/ -importpath main -- ./main.go\n",
		"-toolexec":                 "/usr/bin/wrap /go/pkg/tool/linux_amd64/asm -p main -o $WORK/b001/x.o ./x.s\n",
	} {
		if r := parseRecipe(trace(extra)); r != nil {
			t.Errorf("%s: a recipe: %#v", name, r)
		}
	}
	// A dependency's package file in the work folder (built by this build).
	tr := trace()
	tr[2] = strings.Replace(tr[2], "/c/a2/a2-d", "/tmp/go-build123/b002/_pkg_.a", 1)
	if r := parseRecipe(tr); r != nil {
		t.Errorf("a dependency from the work folder: a recipe %#v", r)
	}
}

func TestIsTrace(t *testing.T) {
	for s, want := range map[string]bool{
		"WORK=/tmp/x\n":          true,
		"mkdir -p $WORK/b001/\n": true,
		"GOROOT='/go' /go/pkg/tool/linux_amd64/link -o $WORK/b001/exe/a.out\n":       true,
		"/go/pkg/tool/linux_amd64/compile -o $WORK/b001/_pkg_.a -p main ./main.go\n": true,
		"# gonb_cell\n": false,
		"./main.go:11:13: undefined: undefinedY\n":                           false,
		"/go/pkg/tool/linux_amd64/link: running gcc failed: exit status 1\n": false,
		"main.go:2:8: cannot find module providing package example.com/x\n":  false,
	} {
		if got := isTrace(s); got != want {
			t.Errorf("isTrace(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestShellWords(t *testing.T) {
	got, err := shellWords(`GOROOT='/a b' /x -trimpath "$WORK/b001=>" -X "a\"b" c`)
	want := []string{"GOROOT=/a b", "/x", "-trimpath", "$WORK/b001=>", "-X", `a"b`, "c"}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("shellWords: %q (%v), want %q", got, err, want)
	}
	if _, err := shellWords(`a 'b`); err == nil {
		t.Error("shellWords of an open quote: no error")
	}
}
