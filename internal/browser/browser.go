// Package browser finds and starts the headless Chromium of the project's
// browser tests (notebooktest, eif/chart), one way for all of them: the same
// search, the same quiet flags, a profile and a home of its own, and the rule
// for a missing Chromium (skip with a message; fail with CI=true); and it
// watches a page for what it must not do (WatchPage: JavaScript errors,
// connections to another server).
package browser

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
)

// names are the programs Find looks for on PATH, in order, after $CHROMIUM.
var names = []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"}

// Find returns the Chromium to run: $CHROMIUM if set (a path or a name on
// PATH), else the first of /usr/bin/chromium, chromium, chromium-browser and
// google-chrome found; "" if there is none.
func Find() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		p, _ = exec.LookPath(p)
		return p
	}
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Require returns the Chromium to run, or skips the test with a message
// (fails it with CI=true) when there is none. With -short (make unit) it
// skips: a test that needs a browser is not a unit test.
func Require(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: no browser")
	}
	p := Find()
	if p == "" {
		where := "$CHROMIUM, " + strings.Join(names, ", ")
		if v := os.Getenv("CHROMIUM"); v != "" {
			where = "CHROMIUM=" + v + " is not a program"
		}
		testenv.SkipOrFail(t, "no Chromium found (%s): on Debian, apt-get install chromium", where)
	}
	return p
}

// flags keep Chromium quiet on a closed network: no sandbox (CI runs as
// root), no GPU, no background requests, no first-run pages.
var flags = []string{"headless", "no-sandbox", "disable-gpu", "disable-background-networking",
	"disable-component-update", "no-first-run", "disable-sync"}

// homeEnv is the environment that keeps Chromium's files in home: it writes
// crash-report settings under $HOME/.config and a dconf cache under
// $HOME/.cache even with a profile folder of its own.
func homeEnv(home string) []string {
	return []string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"XDG_CACHE_HOME=" + filepath.Join(home, ".cache")}
}

// Command is headless Chromium opening page (a file:// or http:// address)
// offline: every request to another host goes to a closed proxy port. Its
// profile and home files go to a temporary folder of t. args come before the
// page, for example --dump-dom or --virtual-time-budget=10000.
func Command(ctx context.Context, t testing.TB, bin, page string, args ...string) *exec.Cmd {
	t.Helper()
	home := t.TempDir()
	all := make([]string, 0, len(flags)+len(args)+3)
	for _, f := range flags {
		all = append(all, "--"+f)
	}
	all = append(all, "--proxy-server=127.0.0.1:9", "--user-data-dir="+filepath.Join(home, "profile"))
	all = append(all, args...)
	cmd := exec.CommandContext(ctx, bin, append(all, page)...)
	cmd.Env = append(os.Environ(), homeEnv(home)...)
	return cmd
}

// Start starts headless Chromium under chromedp with a fresh profile, a
// window and viewport of width×height and focus emulation (a headless page
// never has the focus, and JupyterLab's current notebook, which commands act
// on, follows it). It stops at the end of the test.
func Start(t testing.TB, bin string, width, height int64) context.Context {
	t.Helper()
	home := t.TempDir()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(bin))
	for _, f := range flags {
		opts = append(opts, chromedp.Flag(f, true))
	}
	opts = append(opts,
		chromedp.Headless, // also hides the scroll bars of screenshots
		chromedp.UserDataDir(filepath.Join(home, "profile")),
		chromedp.Env(homeEnv(home)...),
		chromedp.WindowSize(int(width), int(height)),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height)); err != nil {
		t.Fatalf("starting Chromium (%s): %v", bin, err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatalf("Chromium focus emulation: %v", err)
	}
	return ctx
}
