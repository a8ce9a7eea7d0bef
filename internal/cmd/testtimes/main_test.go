package main

import (
	"strings"
	"testing"
)

// A failing test's output is shown and a passing one's is not; the table
// lists packages and top-level tests, slowest first; a failure is reported.
func TestScan(t *testing.T) {
	const in = `{"Time":"2026-01-01T10:00:00Z","Action":"start","Package":"m/a"}
{"Time":"2026-01-01T10:00:05Z","Action":"start","Package":"m/b"}
{"Action":"run","Package":"m/a","Test":"TestOK"}
{"Action":"output","Package":"m/a","Test":"TestOK","Output":"=== RUN   TestOK\n"}
{"Action":"output","Package":"m/a","Test":"TestOK","Output":"    chatter of a passing test\n"}
{"Action":"pass","Package":"m/a","Test":"TestOK","Elapsed":2.5}
{"Action":"output","Package":"m/a","Test":"TestBad","Output":"    a_test.go:9: wrong\n"}
{"Action":"fail","Package":"m/a","Test":"TestBad/sub","Elapsed":0.5}
{"Action":"fail","Package":"m/a","Test":"TestBad","Elapsed":7}
{"Action":"output","Package":"m/a","Output":"FAIL\tm/a\t9.6s\n"}
{"Action":"fail","Package":"m/a","Elapsed":9.6}
{"Action":"output","Package":"m/b","Output":"ok  \tm/b\t0.1s\n"}
{"Action":"pass","Package":"m/b","Elapsed":0.1}
not json: a vet message
`
	var shown strings.Builder
	results, failed, err := scan(strings.NewReader(in), &shown)
	if err != nil {
		t.Fatal(err)
	}
	if !failed {
		t.Error("a failing test was not reported as a failure")
	}
	s := shown.String()
	for _, want := range []string{"a_test.go:9: wrong", "FAIL\tm/a\t9.6s", "ok  \tm/b", "not json: a vet message"} {
		if !strings.Contains(s, want) {
			t.Errorf("the output lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "chatter of a passing test") {
		t.Errorf("a passing test's output was shown:\n%s", s)
	}
	table := format(results, 1)
	a, b := strings.Index(table, "m/a"), strings.Index(table, "m/b")
	if a < 0 || b < a || !strings.Contains(table, "7.0 s  fail m/a TestBad") || !strings.Contains(table, "from      5 s to      5 s") || strings.Contains(table, "TestBad/sub") {
		t.Errorf("table:\n%s", table)
	}
}
