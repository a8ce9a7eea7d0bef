package cellcache

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// layout is the cache's folder layout; a new layout gets a new name, so an old
// cache is never read as a new one.
const layout = "v1"

// A store is a cache folder: the user's own (writable) or a seed (read-only).
//
//	ROOT/v1/cells/SRC/          one folder a cell (SRC: the first 32 hex digits of srcKey)
//	    go.mod go.sum *.go      the cell's files, normalised: the cell is built here
//	    entry                   the binary last built here
//	    entry.key               "BUILDKEY SHA256 SIZE": what entry was built from, and its hash
//	ROOT/v1/get/KEY             an empty file: `go get` with these inputs changed nothing
//	ROOT/v1/recipes/KEY         how go build compiled and linked a cell (recipe.go)
type store struct {
	root string // ROOT/v1
	seed bool
	uid  int
}

// openStore checks a cache folder: it must be a folder owned by this user
// (or, for a seed, by root), that no one else may write to.
func openStore(root string, seed bool) (*store, error) {
	s := &store{root: filepath.Join(root, layout), seed: seed, uid: os.Getuid()}
	if !seed {
		if err := os.MkdirAll(s.root, 0o700); err != nil {
			return nil, err
		}
	}
	for _, d := range []string{root, s.root} {
		fi, err := os.Stat(d)
		if err != nil {
			return nil, err
		}
		if err := s.trusted(d, fi); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// trusted says why a file or folder of the store may not be trusted: it is
// owned by another user, or others may write to it.
func (s *store) trusted(path string, fi os.FileInfo) error {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fmt.Errorf("%s: no owner to check", path)
	}
	if int(st.Uid) != s.uid && !(st.Uid == 0 && s.seed) {
		return fmt.Errorf("%s is owned by another user (uid %d)", path, st.Uid)
	}
	if fi.Mode().Perm()&0o022 != 0 {
		return fmt.Errorf("%s may be written by others (mode %v)", path, fi.Mode().Perm())
	}
	return nil
}

func (s *store) cellDir(src string) string { return filepath.Join(s.root, "cells", src[:32]) }

// entryKey is the content of entry.key.
type entryKey struct {
	build string
	sum   string
	size  int64
}

func (k entryKey) String() string { return fmt.Sprintf("%s %s %d\n", k.build, k.sum, k.size) }

// readKey reads dir/entry.key, checking its owner.
func (s *store) readKey(dir string) (entryKey, error) {
	f, err := os.Open(filepath.Join(dir, "entry.key"))
	if err != nil {
		return entryKey{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return entryKey{}, err
	}
	if err := s.trusted(f.Name(), fi); err != nil {
		return entryKey{}, err
	}
	b, err := io.ReadAll(io.LimitReader(f, 512))
	if err != nil {
		return entryKey{}, err
	}
	w := strings.Fields(string(b))
	if len(w) != 3 || len(w[0]) != 64 || len(w[1]) != 64 {
		return entryKey{}, fmt.Errorf("%s: not an entry key", f.Name())
	}
	size, err := strconv.ParseInt(w[2], 10, 64)
	if err != nil {
		return entryKey{}, fmt.Errorf("%s: not an entry key", f.Name())
	}
	return entryKey{w[0], w[1], size}, nil
}

// errCorrupt is an entry whose bytes are not those its key names.
var errCorrupt = errors.New("corrupt")

// copyEntry copies dir/entry to out (through a temporary file and a rename),
// checking its owner, its size and its hash against k; out is left alone when
// any check fails.
func (s *store) copyEntry(dir string, k entryKey, out string) error {
	in, err := os.Open(filepath.Join(dir, "entry"))
	if err != nil {
		return err
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	if err := s.trusted(in.Name(), fi); err != nil {
		return err
	}
	if !fi.Mode().IsRegular() || fi.Size() != k.size {
		return fmt.Errorf("%s: %w: %d bytes, want %d", in.Name(), errCorrupt, fi.Size(), k.size)
	}
	return copyChecked(in, k, out)
}

// copyChecked copies in to out, through out's folder, if in has k's size and hash.
func copyChecked(in io.Reader, k entryKey, out string) error {
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), in)
	if err == nil {
		err = tmp.Chmod(0o755)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if sum := hex.EncodeToString(h.Sum(nil)); n != k.size || sum != k.sum {
		return fmt.Errorf("%w: %d bytes with sha256 %s, want %d bytes with %s", errCorrupt, n, sum[:12], k.size, k.sum[:12])
	}
	return os.Rename(tmp.Name(), out)
}

// place copies the entry of the cell src to out if it was built from build.
// It reports whether it did; err says why an entry that exists was not used.
func (s *store) place(src, build, out string) (bool, error) {
	dir := s.cellDir(src)
	k, err := s.readKey(dir)
	if err != nil {
		if os.IsNotExist(err) {
			return false, nil
		}
		return false, err
	}
	if k.build != build {
		return false, nil
	}
	if err := s.copyEntry(dir, k, out); err != nil {
		if os.IsNotExist(err) {
			return false, nil
		}
		return false, err
	}
	if !s.seed {
		now := time.Now()
		_ = os.Chtimes(filepath.Join(dir, "entry"), now, now) // for eviction: recently used
	}
	return true, nil
}

// publish makes bin (a file in dir) the cell's entry, built from build: entry
// first, then entry.key, each by a rename, so a reader never takes an entry
// for a key it does not match (it sees the mismatch and rebuilds). It returns
// the entry's key, and where the binary is (bin, or the entry) even on error.
func (s *store) publish(dir, bin, build string) (entryKey, string, error) {
	f, err := os.Open(bin)
	if err != nil {
		return entryKey{}, bin, err
	}
	h := sha256.New()
	n, err := io.Copy(h, f)
	f.Close()
	if err != nil {
		return entryKey{}, bin, err
	}
	k := entryKey{build, hex.EncodeToString(h.Sum(nil)), n}
	if err := os.Chmod(bin, 0o500); err != nil {
		return k, bin, err
	}
	entry := filepath.Join(dir, "entry")
	if err := os.Rename(bin, entry); err != nil {
		return k, bin, err
	}
	return k, entry, writeFileAtomic(filepath.Join(dir, "entry.key"), []byte(k.String()), 0o400)
}

// writeFileAtomic writes a file through a temporary file and a rename.
func writeFileAtomic(path string, data []byte, mode os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(mode)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// lockDir creates the cell's folder if needed and locks it (flock), waiting
// up to wait for another kernel that builds the same cell. The folder may be
// removed (evicted) while waiting: then it is made again.
func (s *store) lockDir(dir string, wait time.Duration) (unlock func(), err error) {
	deadline := time.Now().Add(wait)
	for {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, err
		}
		f, err := os.Open(dir)
		if err != nil {
			return nil, err
		}
		for {
			err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
			if err != syscall.EWOULDBLOCK || time.Now().After(deadline) {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", dir, err)
		}
		// Still the folder at that path (not removed while we waited)?
		a, errA := f.Stat()
		b, errB := os.Stat(dir)
		if errA == nil && errB == nil && os.SameFile(a, b) {
			return func() { f.Close() }, nil
		}
		f.Close()
	}
}

// writeSources writes the cell's files into dir (each only if it differs),
// and removes the .go files the cell does not have.
func writeSources(dir string, c *cell) error {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range ents {
		n := e.Name()
		if _, ok := c.files[n]; !ok && (strings.HasSuffix(n, ".go") || n == "go.mod" || n == "go.sum") {
			if err := os.Remove(filepath.Join(dir, n)); err != nil {
				return err
			}
		}
	}
	for _, n := range c.sortedNames() {
		p := filepath.Join(dir, n)
		if old, err := os.ReadFile(p); err == nil && string(old) == string(c.files[n]) {
			continue
		}
		if err := writeFileAtomic(p, c.files[n], 0o600); err != nil {
			return err
		}
	}
	return nil
}

// hasMarker reports whether the marker file KEY of `go get` is in the store.
func (s *store) hasMarker(key string) bool {
	fi, err := os.Stat(filepath.Join(s.root, "get", key[:32]))
	return err == nil && fi.Mode().IsRegular() && s.trusted("", fi) == nil
}

func (s *store) addMarker(key string) error {
	dir := filepath.Join(s.root, "get")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(dir, key[:32]), nil, 0o400)
}

// evict removes the least recently used cells until the entries take at most
// 80 % of max bytes, and the oldest `go get` markers and recipes when there
// are more than maxMarkers and maxRecipes. A cell
// that a kernel is building (locked) is left alone, and so is keep.
func (s *store) evict(max int64, keep string) (removed int, err error) {
	if max <= 0 {
		return 0, nil
	}
	type cellUse struct {
		dir  string
		size int64
		used time.Time
	}
	cells := filepath.Join(s.root, "cells")
	ents, err := os.ReadDir(cells)
	if err != nil {
		return 0, err
	}
	var all []cellUse
	var total int64
	for _, e := range ents {
		dir := filepath.Join(cells, e.Name())
		c := cellUse{dir: dir}
		if fi, err := os.Stat(filepath.Join(dir, "entry")); err == nil {
			c.size, c.used = fi.Size(), fi.ModTime()
		} else if fi, err := os.Stat(dir); err == nil {
			c.used = fi.ModTime() // a cell that did not build: its sources only
		}
		total += c.size
		all = append(all, c)
	}
	if total > max {
		sort.Slice(all, func(i, j int) bool { return all[i].used.Before(all[j].used) })
		for _, c := range all {
			if total <= max*8/10 {
				break
			}
			if c.dir == keep {
				continue
			}
			if removeLocked(c.dir) {
				total -= c.size
				removed++
			}
		}
	}
	// Folders of cells that never built (compile errors) are small: an hour old, they go.
	for _, c := range all {
		if c.size == 0 && c.dir != keep && time.Since(c.used) > time.Hour {
			removeLocked(c.dir)
		}
	}
	s.evictOldest("get", maxMarkers)
	s.evictOldest("recipes", maxRecipes)
	return removed, nil
}

// The most `go get` markers and recipes kept (each a small file).
const (
	maxMarkers = 2000
	maxRecipes = 500
)

// evictOldest removes the oldest half of the files of the store's folder sub
// when it holds more than max.
func (s *store) evictOldest(sub string, max int) {
	dir := filepath.Join(s.root, sub)
	ents, err := os.ReadDir(dir)
	if err != nil || len(ents) <= max {
		return
	}
	type marker struct {
		name string
		t    time.Time
	}
	var ms []marker
	for _, e := range ents {
		if fi, err := e.Info(); err == nil {
			ms = append(ms, marker{e.Name(), fi.ModTime()})
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].t.Before(ms[j].t) })
	for _, m := range ms[:len(ms)-max/2] {
		_ = os.Remove(filepath.Join(dir, m.name))
	}
}

// removeLocked removes a cell's folder if no kernel holds its lock.
func removeLocked(dir string) bool {
	f, err := os.Open(dir)
	if err != nil {
		return false
	}
	defer f.Close()
	if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil {
		return false
	}
	return os.RemoveAll(dir) == nil
}
