package deploytest_test

import (
	"context"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/hub"
)

// browser is one person's browser on the hub: cookies and connections of its
// own (as two students on two laptops), and a record of every cookie the hub
// and the servers set, with its attributes, and of every response's HSTS
// header. It follows no redirect unless asked (follow).
type browser struct {
	h   *hub.Hub
	jar http.CookieJar
	c   *http.Client

	mu      sync.Mutex
	cookies []*http.Cookie    // every Set-Cookie seen
	hsts    map[string]string // path of a response: its Strict-Transport-Security
}

func newBrowser(h *hub.Hub) *browser {
	jar, _ := cookiejar.New(nil)
	b := &browser{h: h, jar: jar, hsts: map[string]string{}}
	tr := h.Client.Transport.(*http.Transport).Clone() // connections of its own
	b.c = &http.Client{Jar: jar, Transport: recorder{b, tr}, Timeout: 2 * time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return b
}

type recorder struct {
	b  *browser
	rt http.RoundTripper
}

func (r recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := r.rt.RoundTrip(req)
	if err == nil {
		r.b.mu.Lock()
		r.b.cookies = append(r.b.cookies, resp.Cookies()...)
		r.b.hsts[req.URL.Path] = resp.Header.Get("Strict-Transport-Security")
		r.b.mu.Unlock()
	}
	return resp, err
}

// do sends a request (path from the hub's root, or a whole URL) and returns
// the status, the body and the headers; 0 and the error when it failed.
func (b *browser) do(ctx context.Context, method, path string, form url.Values) (int, string, http.Header) {
	u := path
	if strings.HasPrefix(path, "/") {
		u = b.h.URL + path
	}
	var body io.Reader
	if form != nil {
		form.Set("_xsrf", b.xsrf())
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return 0, err.Error(), nil
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := b.c.Do(req)
	if err != nil {
		return 0, err.Error(), nil
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(out), resp.Header
}

func (b *browser) get(ctx context.Context, path string) (int, string) {
	code, body, _ := b.do(ctx, "GET", path, nil)
	return code, body
}

// follow gets path and follows its redirects (at most 20), as a browser does;
// it returns the last status, body and URL.
func (b *browser) follow(ctx context.Context, path string) (int, string, string) {
	u := b.h.URL + path
	for range 20 {
		code, body, hdr := b.do(ctx, "GET", u, nil)
		loc := ""
		if hdr != nil {
			loc = hdr.Get("Location")
		}
		if code < 300 || code > 399 || loc == "" {
			return code, body, u
		}
		next, err := url.Parse(loc)
		if err != nil {
			return code, body, u
		}
		base, _ := url.Parse(u)
		u = base.ResolveReference(next).String()
	}
	return 0, "too many redirects", u
}

// xsrf is the hub's _xsrf cookie, which its forms send back.
func (b *browser) xsrf() string {
	u, _ := url.Parse(b.h.URL + "/hub/")
	for _, c := range b.jar.Cookies(u) {
		if c.Name == "_xsrf" {
			return c.Value
		}
	}
	return ""
}

var (
	alertRE      = regexp.MustCompile(`(?s)<div class="alert [^"]*" role="alert">(.*?)</div>`)
	loginErrorRE = regexp.MustCompile(`(?s)<p class="login_error">(.*?)</p>`)
	tagRE        = regexp.MustCompile(`<[^>]*>`)
)

// pageText is the text of the first match of re in page, tags removed,
// entities decoded, spaces collapsed.
func pageText(re *regexp.Regexp, page string) string {
	m := re.FindStringSubmatch(page)
	if m == nil {
		return ""
	}
	return strings.Join(strings.Fields(html.UnescapeString(tagRE.ReplaceAllString(m[1], " "))), " ")
}

// signup fills the hub's sign-up form; it returns the status and the message
// the page shows.
func (b *browser) signup(ctx context.Context, name, password string) (int, string) {
	b.get(ctx, "/hub/signup")
	code, body, _ := b.do(ctx, "POST", "/hub/signup", url.Values{
		"username": {name}, "signup_password": {password}, "signup_password_confirmation": {password}})
	return code, pageText(alertRE, body)
}

// login fills the hub's login form; it returns the status (302: logged in),
// the error the page shows, and the time from opening the login page to the
// answer of the form.
func (b *browser) login(ctx context.Context, name, password string) (int, string, time.Duration) {
	start := time.Now()
	if code, body := b.get(ctx, "/hub/login"); code != 200 {
		return code, body, time.Since(start)
	}
	code, body, _ := b.do(ctx, "POST", "/hub/login?next=/hub/home", url.Values{"username": {name}, "password": {password}})
	return code, pageText(loginErrorRE, body), time.Since(start)
}

// token asks the hub for an API token with the browser's login, as
// JupyterLab's token page does.
func (b *browser) token(ctx context.Context, user string) (string, error) {
	req, _ := http.NewRequestWithContext(ctx, "POST", b.h.URL+"/hub/api/users/"+user+"/tokens",
		strings.NewReader(`{"note": "deploytest", "expires_in": 7200}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-XSRFToken", b.xsrf())
	resp, err := b.c.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 201 && resp.StatusCode != 200 {
		return "", &httpError{resp.StatusCode, string(out)}
	}
	m := regexp.MustCompile(`"token":\s*"([^"]+)"`).FindStringSubmatch(string(out))
	if m == nil {
		return "", &httpError{resp.StatusCode, string(out)}
	}
	return m[1], nil
}

type httpError struct {
	code int
	body string
}

func (e *httpError) Error() string { return "HTTP " + http.StatusText(e.code) + ": " + e.body }
