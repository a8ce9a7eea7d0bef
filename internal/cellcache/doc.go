// Package cellcache is the cell cache of the GoNB kernel: it reuses the
// binary of a cell that nothing changed, instead of linking it again.
//
// GoNB compiles and links every cell as a new Go program: it writes main.go,
// go.mod and go.sum in its folder /tmp/gonb_<id>, runs `go get`, then
// `go build -o /tmp/gonb_<id>/gonb_<id>`, then runs that binary. A link costs
// about 0.3 s of CPU even when the cell, the eif package and the flags are
// those of the last run. The kernel's go command (internal/cmd/kernelgo) hands
// those two commands to this package.
//
// # The build of a cell
//
// The cell is named by its files, with GoNB's module name (gonb_<id>, new in
// every kernel) replaced by gonb_cell and go.sum's lines for go.mod files left
// out (gopls and go list add them in GoNB's folder at times that vary; they
// change no binary): that is the source key, and its folder
// in the cache, ROOT/v1/cells/SRC. The build key adds everything else the
// binary depends on:
//
//   - the build flags GoNB passes (%goflags) and the environment go reads
//     (GOFLAGS, GOOS, GOARCH, CGO_ENABLED, GOEXPERIMENT, ... and the go env file);
//   - the toolchain: the go binary, its compiler, assembler and linker (path,
//     size, time) and GOROOT's VERSION;
//   - the bytes of every file of the packages of local modules (go.mod's
//     replace => DIR, such as this repository's eif) that the cell imports,
//     directly or through other local packages, every .go file's imports
//     followed whatever its build constraints; with go:embed, every file below
//     the package. Modules from Go's module cache are pinned by go.sum.
//
// When the cell's folder holds an entry built with the same build key, the
// entry is copied to GoNB's output path, its size and SHA-256 checked on the
// way (a truncated or damaged entry is never run: it is built again), and go
// is not called. Otherwise the cell is built in its folder, with the last
// binary built there put at the output path first: go build then compares
// that binary's build ID with the one it computes, and skips the link when the
// change (say, a comment in eif) does not reach the binary. The new binary
// becomes the entry (a rename: a reader sees the old entry or the new one,
// and a key that does not match its entry is a miss). Two kernels building
// the same cell at once take the folder's lock in turn; the second finds the
// first one's entry.
//
// # Recipes: compiling and linking without the go command
//
// Of a go build of an edited cell, the go command itself takes about half the
// CPU: it loads the 178 packages the cell depends on and checks that each is
// up to date before it compiles the cell and links the program. When go build
// compiled only the cell and linked it, its trace (go build -json -x) gives the
// two commands and the import configs, which name the compiled dependencies in
// Go's build cache: that recipe is kept under a key of everything go build's
// decision depended on besides the cell's code (go.mod, go.sum, the cell's
// imports, the flags, the environment, the toolchain, the local packages). The
// next cell with the same key (an edited cell, or every cell of a notebook once
// eif was edited and one cell rebuilt) is compiled and linked with those
// commands, as long as its files are the ones the recipe compiled (with no build
// constraints) and every dependency the recipe names is still in the build
// cache; otherwise go build runs. A replayed binary has no Go build ID, so go
// build never takes it as up to date.
//
// A cell whose folder the cache cannot read as GoNB's (a go.work, files that
// embed or use cgo, a local replacement by a relative path, a cell that does
// not parse) is built by go as usual, as is every build when the cache cannot
// be used (a full disk, a folder that cannot be written, or one that another
// user owns or may write to): the cell still runs, and the kernel's log says
// why the cache was skipped.
//
// A panic's stack trace names the cell's file in its cache folder
// (ROOT/v1/cells/SRC/main.go) instead of /tmp/gonb_<id>/main.go; GoNB still
// maps its line to the cell's line in its error report.
//
// # GoNB's go get
//
// GoNB runs `go get` before every build. It reads go.mod, go.sum, the imports of
// the cell (not the rest of its code), the environment, the toolchain and the
// local packages. When a `go get` with the same inputs succeeded, said nothing
// and changed neither go.mod nor go.sum, a marker (ROOT/v1/get/KEY) records it
// and the next one with those inputs is skipped.
//
// # Where the entries live
//
// Each user's cache is their own folder (the kernel's EIF_CELLCACHE, default
// ~/.cache/eif-cells), which must be theirs and writable by no one else. The
// image adds a read-only seed (EIF_CELLCACHE_SEED), filled when the image build
// runs the notebooks and owned by root: it is only read, and its files must be
// owned by root or the user and writable by no one else, so no student can
// write an entry that another student's kernel runs. The user's cache is
// capped (EIF_CELLCACHE_MAX, 1 GB by default): after each new entry, the least
// recently used cells are removed until the entries take at most 80 % of it.
package cellcache
