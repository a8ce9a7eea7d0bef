package cellcache

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseModFile(t *testing.T) {
	cases := []struct {
		name, text string
		module     string
		local      map[string]string
		err        string
	}{
		{"GoNB's, after the setup cell", "module gonb_1a2b\n\ngo 1.26.8\n\nreplace github.com/x/y => /home/s/y\n\nrequire github.com/x/y v0.0.0-00010101000000-000000000000\n",
			"gonb_1a2b", map[string]string{"github.com/x/y": "/home/s/y"}, ""},
		{"a block, a version, a module replacement, comments", "module m // the module\nreplace (\n\ta => /a/ // local\n\tb v1.0.0 => /b\n\tc => d v1.2.3\n)\n",
			"m", map[string]string{"a": "/a", "b": "/b"}, ""},
		{"quoted", "module \"m\"\nreplace `a` => \"/with space\"\n", "m", map[string]string{"a": "/with space"}, ""},
		{"no spaces around =>", "module m\nreplace a=>/a\n", "m", map[string]string{"a": "/a"}, ""},
		{"a relative directory", "module m\nreplace a => ../a\n", "m", nil, "relative directory"},
		{"an open block", "module m\nreplace (\n a => /a\n", "m", nil, "not closed"},
		{"an open quote", "module \"m\n", "", nil, "not closed"},
	}
	for _, c := range cases {
		mf, err := parseModFile([]byte(c.text))
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: error %v, want one that says %q", c.name, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if mf.module != c.module || !reflect.DeepEqual(mf.local, c.local) {
			t.Errorf("%s: module %q, local %v; want %q, %v", c.name, mf.module, mf.local, c.module, c.local)
		}
	}
}

func TestWithModule(t *testing.T) {
	got := string(withModule([]byte("// c\nmodule gonb_1a2b // x\n\ngo 1.26\n"), CanonicalModule))
	if want := "// c\nmodule gonb_cell\n\ngo 1.26\n"; got != want {
		t.Errorf("withModule: %q, want %q", got, want)
	}
}
