package cellcache

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
)

// modFile is what the cache reads of a go.mod: the module path and the
// replacements by a local directory. Everything else (require, go, toolchain,
// replacements by a module version) is keyed as the file's bytes.
type modFile struct {
	module string
	local  map[string]string // module path → absolute directory
}

// parseModFile reads go.mod text. A replacement by a relative directory is an
// error: the cell is built in another folder, where it would name another
// directory.
func parseModFile(data []byte) (modFile, error) {
	mf := modFile{local: map[string]string{}}
	block := ""
	for n, line := range strings.Split(string(data), "\n") {
		toks, err := modTokens(line)
		if err != nil {
			return mf, fmt.Errorf("go.mod:%d: %v", n+1, err)
		}
		if len(toks) == 0 {
			continue
		}
		if block != "" {
			if toks[0] == ")" {
				block = ""
				continue
			}
			toks = append([]string{block}, toks...)
		} else if len(toks) == 2 && toks[1] == "(" {
			block = toks[0]
			continue
		}
		switch toks[0] {
		case "module":
			if len(toks) != 2 {
				return mf, fmt.Errorf("go.mod:%d: a module line with %d words", n+1, len(toks))
			}
			mf.module = toks[1]
		case "replace":
			arrow := -1
			for i, t := range toks {
				if t == "=>" {
					arrow = i
				}
			}
			if arrow < 2 || arrow > 3 || len(toks)-arrow < 2 || len(toks)-arrow > 3 {
				return mf, fmt.Errorf("go.mod:%d: a replace line of an unknown form", n+1)
			}
			if len(toks)-arrow == 3 {
				continue // replaced by a module version: keyed by go.mod and go.sum
			}
			dir := toks[arrow+1]
			if !isLocalPath(dir) {
				continue
			}
			if !filepath.IsAbs(dir) {
				return mf, fmt.Errorf("go.mod:%d: %s is replaced by the relative directory %s", n+1, toks[1], dir)
			}
			mf.local[toks[1]] = filepath.Clean(dir)
		}
	}
	if block != "" {
		return mf, fmt.Errorf("go.mod: a %s block is not closed", block)
	}
	return mf, nil
}

// isLocalPath reports whether a replacement names a directory (Go's rule: it
// begins with ./ or ../, or is absolute).
func isLocalPath(p string) bool {
	return filepath.IsAbs(p) || p == "." || p == ".." ||
		strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../")
}

// modTokens splits a go.mod line into words: quoted strings unquoted, the
// comment dropped.
func modTokens(line string) ([]string, error) {
	var toks []string
	for {
		line = strings.TrimLeft(line, " \t\r")
		switch {
		case line == "" || strings.HasPrefix(line, "//"):
			return toks, nil
		case line[0] == '"' || line[0] == '`':
			q, err := strconv.QuotedPrefix(line)
			if err != nil {
				return nil, fmt.Errorf("a quoted string is not closed")
			}
			s, err := strconv.Unquote(q)
			if err != nil {
				return nil, err
			}
			toks = append(toks, s)
			line = line[len(q):]
		case strings.HasPrefix(line, "=>"):
			toks = append(toks, "=>")
			line = line[2:]
		case line[0] == '(' || line[0] == ')':
			toks = append(toks, line[:1])
			line = line[1:]
		default:
			end := strings.IndexAny(line, " \t\r\"`()")
			if end < 0 {
				end = len(line)
			}
			if i := strings.Index(line[:end], "//"); i >= 0 {
				end = i
			}
			if i := strings.Index(line[:end], "=>"); i > 0 {
				end = i
			}
			toks = append(toks, line[:end])
			line = line[end:]
		}
	}
}

// withModule returns go.mod text with its module line naming mod.
func withModule(data []byte, mod string) []byte {
	lines := strings.Split(string(data), "\n")
	for i, line := range lines {
		if toks, _ := modTokens(line); len(toks) == 2 && toks[0] == "module" {
			lines[i] = "module " + mod
			break
		}
	}
	return []byte(strings.Join(lines, "\n"))
}
