package browser

import "testing"

// SameServer: which addresses a page of the lab server may use.
func TestSameServer(t *testing.T) {
	const lab = "http://127.0.0.1:8123"
	for u, want := range map[string]bool{
		"http://127.0.0.1:8123/lab/tree/x.ipynb":       true,
		"ws://127.0.0.1:8123/api/kernels/abc/channels": true,
		"data:image/png;base64,AAAA":                   true,
		"blob:http://127.0.0.1:8123/0d5e":              true,
		"ws://127.0.0.1:9999/api/kernels/abc/channels": false, // another local server
		"ws://api/kernels//channels":                   false, // GoNB's script in a page without a host
		"wss://example.org/socket":                     false,
		"https://cdn.example.com/echarts.js":           false, // any other host
		"http://localhost:8123/lab":                    false, // same port, another name: not the page's server
		"file:///etc/passwd":                           false,
	} {
		if got := SameServer(u, lab); got != want {
			t.Errorf("SameServer(%q) = %v, want %v", u, got, want)
		}
	}
}
