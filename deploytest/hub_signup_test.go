package deploytest_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

// checkSignup: the teacher signs up first (an admin is approved at once);
// a student's weak and common passwords are refused at sign-up; a student
// who signed up cannot log in before approval and is told why; the teacher
// approves them with the link of /hub/authorize; then they can. With a
// student's login, the admin and authorisation pages and the admin API
// answer 403, and the student cannot approve another.
func checkSignup(t *testing.T, ctx context.Context, f *frontTest) {
	h := f.h
	f.teacher = newBrowser(h)
	if code, msg := f.teacher.signup(ctx, h.Teacher, h.TeacherPassword); code != 200 || !strings.Contains(msg, "signup was successful") {
		t.Fatalf("the teacher's sign-up: HTTP %d %q", code, msg)
	}
	if code, msg, _ := f.teacher.login(ctx, h.Teacher, h.TeacherPassword); code != 302 {
		t.Fatalf("the teacher's login: HTTP %d %q", code, msg)
	}

	s := newBrowser(h)
	for _, pw := range []string{"court-9", "azertyuiop", "1234567890"} { // 7 characters; common ones (a French keyboard's row)
		code, msg := s.signup(ctx, "s01", pw)
		if code != 200 || !strings.Contains(msg, "at least 10 characters and is not too common") {
			t.Errorf("sign-up of s01 with %q: HTTP %d %q, want it refused, saying why", pw, code, msg)
		}
		if code, msg, _ := s.login(ctx, "s01", pw); code != 403 || msg != "Invalid username or password." {
			t.Errorf("login of s01 with the refused password %q: HTTP %d %q, want 403, no such account", pw, code, msg)
		}
	}
	for _, name := range []string{"s01", "s02"} {
		if code, msg := s.signup(ctx, name, h.Password); code != 200 || !strings.Contains(msg, "sent to the admin") {
			t.Fatalf("sign-up of %s: HTTP %d %q, want it waiting for the teacher", name, code, msg)
		}
	}
	if code, msg := s.signup(ctx, "s01", h.Password+"x"); !strings.Contains(msg, "already in use") {
		t.Errorf("a second sign-up as s01: HTTP %d %q, want the name refused as taken", code, msg)
	}
	code, msg, _ := s.login(ctx, "s01", h.Password)
	if want := "Your account s01 is waiting for the teacher's approval."; code != 403 || !strings.HasPrefix(msg, want) {
		t.Errorf("s01's login before approval: HTTP %d %q, want 403 %q", code, msg, want)
	}
	if code, msg, _ := s.login(ctx, "s01", "wrong-"+h.Password); code != 403 || msg != "Invalid username or password." {
		t.Errorf("s01's login with a wrong password before approval: HTTP %d %q, want 403 and no word of the approval", code, msg)
	}

	approve(t, ctx, f, "s01")
	if code, msg, _ := s.login(ctx, "s01", h.Password); code != 302 {
		t.Fatalf("s01's login after approval: HTTP %d %q, want 302", code, msg)
	}

	// A student is not an admin: every admin page and API answers 403.
	for _, path := range []string{"/hub/admin", "/hub/authorize", "/hub/authorize/s02", "/hub/discard/s02",
		"/hub/change-password/s02", "/hub/api/users"} {
		if code, _ := s.get(ctx, path); code != 403 {
			t.Errorf("s01's login on %s: HTTP %d, want 403", path, code)
		}
	}
	// Another student's model in the API: JupyterHub answers 404, not saying whether they exist.
	if code, _ := s.get(ctx, "/hub/api/users/s02"); code != 404 {
		t.Errorf("s01's login on /hub/api/users/s02: HTTP %d, want 404", code)
	}
	if code, msg, _ := newBrowser(h).login(ctx, "s02", h.Password); code != 403 || !strings.Contains(msg, "waiting for the teacher's approval") {
		t.Errorf("s02 after s01 asked /hub/authorize/s02: HTTP %d %q, want still waiting", code, msg)
	}
	approve(t, ctx, f, "s02")
}

// approve does what the teacher does on /hub/authorize: find the student's
// row and follow its Authorize link; the row then offers Unauthorize.
func approve(t *testing.T, ctx context.Context, f *frontTest, user string) {
	t.Helper()
	code, page := f.teacher.get(ctx, "/hub/authorize")
	link := regexp.MustCompile(`href="(/hub/authorize/` + regexp.QuoteMeta(user) + `)" role="button">Authorize<`).FindStringSubmatch(page)
	if code != 200 || link == nil {
		t.Fatalf("the teacher's /hub/authorize: HTTP %d, and no Authorize link for %s", code, user)
	}
	if code, _ := f.teacher.get(ctx, link[1]); code != 302 {
		t.Fatalf("the teacher's Authorize link for %s: HTTP %d, want 302 back to the page", user, code)
	}
	_, page = f.teacher.get(ctx, "/hub/authorize")
	if !strings.Contains(page, `href="/hub/authorize/`+user+`" role="button">Unauthorize<`) {
		t.Errorf("after approval, /hub/authorize offers no Unauthorize for %s", user)
	}
}

// checkLockout: after lockAttempts wrong passwords, the account waits
// lockWait seconds: even the right password is refused, saying how long to
// wait; after the wait it works.
func checkLockout(t *testing.T, ctx context.Context, f *frontTest) {
	h := f.h
	b := newBrowser(h)
	var last time.Time
	for i := 1; i <= lockAttempts; i++ {
		code, msg, _ := b.login(ctx, "s02", fmt.Sprintf("wrong-password-%d", i))
		last = time.Now()
		want := "Invalid username or password."
		if i == lockAttempts {
			want = fmt.Sprintf("Too many failed logins for s02: wait %d s before the next try.", lockWait)
		}
		if code != 403 || !strings.HasPrefix(msg, want) {
			t.Errorf("wrong password %d of %d: HTTP %d %q, want 403 %q", i, lockAttempts, code, msg, want)
		}
	}
	code, msg, took := b.login(ctx, "s02", h.Password)
	if code != 403 || !strings.HasPrefix(msg, "Too many failed logins for s02: wait ") {
		t.Errorf("the right password during the wait: HTTP %d %q, want 403 and the wait", code, msg)
	}
	f.report["lockout_refusal_s"] = round1(took.Seconds())
	if code, msg, _ := newBrowser(h).login(ctx, "s01", h.Password); code != 302 {
		t.Errorf("s01 while s02 waits: HTTP %d %q, want 302 (the wait is s02's only)", code, msg)
	}
	time.Sleep(time.Until(last.Add(lockWait*time.Second + 1500*time.Millisecond)))
	if code, msg, _ := b.login(ctx, "s02", h.Password); code != 302 {
		t.Errorf("the right password after the wait: HTTP %d %q, want 302", code, msg)
	}
}
