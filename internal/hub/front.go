package hub

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
)

// front is what stands before the hub when StartWith asks: the proxy as a
// process of its own (deploy/hub/proxy.sh) and nginx serving HTTPS.
type front struct {
	proxy, nginx *exec.Cmd
}

// ProxyPID is the pid of the proxy of its own (Options.External), else 0.
func (h *Hub) ProxyPID() int { return pid(h.front.proxy) }

// NginxPID is the pid of nginx's master process (Options.TLS), else 0.
func (h *Hub) NginxPID() int { return pid(h.front.nginx) }

func pid(c *exec.Cmd) int {
	if c == nil || c.Process == nil {
		return 0
	}
	return c.Process.Pid
}

func (f *front) stop() {
	for _, c := range []*exec.Cmd{f.nginx, f.proxy} {
		if c != nil && c.Process != nil && c.ProcessState == nil {
			_ = c.Process.Signal(syscall.SIGTERM)
			_ = c.Wait()
		}
	}
}

// setting is the value of name in h's settings ("" if unset).
func (h *Hub) setting(name string) string {
	v := ""
	for _, kv := range h.env {
		if val, ok := strings.CutPrefix(kv, name+"="); ok {
			v = val
		}
	}
	return v
}

// startProxy starts deploy/hub/proxy.sh with the hub's settings and waits
// until its API answers.
func (h *Hub) startProxy(t testing.TB, root string) {
	t.Helper()
	logf, err := os.Create(filepath.Join(filepath.Dir(h.Log), "proxy.log"))
	if err != nil {
		t.Fatal(err)
	}
	h.front.proxy = exec.Command(filepath.Join(root, "deploy", "hub", "proxy.sh"))
	h.front.proxy.Env = h.env
	h.front.proxy.Stdout, h.front.proxy.Stderr = logf, logf
	if err := h.front.proxy.Start(); err != nil {
		t.Fatalf("cannot start deploy/hub/proxy.sh: %v", err)
	}
	waitListening(t, "the proxy (deploy/hub/proxy.sh)", "127.0.0.1:"+h.setting("EIF_PROXY_API_PORT"), logf.Name())
}

// startNginx makes a certificate authority and a certificate for 127.0.0.1,
// writes the site of deploy/hub/nginx-site.sh for it in front of the hub's
// port hubPort, starts nginx on two free ports (HTTPS, plain HTTP) and points
// h.URL, h.HTTPURL and h.Client at it.
func (h *Hub) startNginx(t testing.TB, root, work string, hubPort int) {
	t.Helper()
	nginx, err := exec.LookPath("nginx")
	if err != nil {
		if _, serr := os.Stat("/usr/sbin/nginx"); serr != nil {
			testenv.SkipOrFail(t, "nginx is not installed (apt-get install nginx): no HTTPS test")
		}
		nginx = "/usr/sbin/nginx"
	}
	dir := filepath.Join(work, "nginx")
	for _, d := range []string{dir, filepath.Join(dir, "tmp"), filepath.Join(dir, "logs")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	caPEM, certPEM, keyPEM := makeCertificates(t)
	h.CAFile = filepath.Join(dir, "ca.pem")
	for name, b := range map[string][]byte{"ca.pem": caPEM, "cert.pem": certPEM, "key.pem": keyPEM} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	httpsPort, httpPort := testenv.FreePort(t), testenv.FreePort(t)
	site := exec.Command(filepath.Join(root, "deploy", "hub", "nginx-site.sh"), "127.0.0.1")
	site.Env = append(os.Environ(), "EIF_TLS_CERT="+filepath.Join(dir, "cert.pem"), "EIF_TLS_KEY="+filepath.Join(dir, "key.pem"),
		"EIF_HUB_IP=127.0.0.1", fmt.Sprintf("EIF_HUB_PORT=%d", hubPort), "EIF_LISTEN_IP=127.0.0.1",
		fmt.Sprintf("EIF_HTTPS_PORT=%d", httpsPort), fmt.Sprintf("EIF_HTTP_PORT=%d", httpPort), "EIF_ACME_ROOT="+filepath.Join(dir, "acme"))
	conf, err := site.Output()
	if err != nil {
		t.Fatalf("deploy/hub/nginx-site.sh: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.conf"), conf, 0o644); err != nil {
		t.Fatal(err)
	}
	// The main configuration around the site, as Debian's /etc/nginx/nginx.conf
	// is around sites-enabled/, with every file of nginx's in dir.
	user := ""
	if os.Geteuid() == 0 {
		user = "user root;\n" // the workers read the test's files
	}
	main := fmt.Sprintf(`%sworker_processes 1;
pid %[2]s/nginx.pid;
error_log %[2]s/logs/error.log;
events { worker_connections 1024; }
http {
    access_log %[2]s/logs/access.log;
    client_body_temp_path %[2]s/tmp/body;
    proxy_temp_path %[2]s/tmp/proxy;
    fastcgi_temp_path %[2]s/tmp/fastcgi;
    uwsgi_temp_path %[2]s/tmp/uwsgi;
    scgi_temp_path %[2]s/tmp/scgi;
    include %[2]s/site.conf;
}
`, user, dir)
	if err := os.WriteFile(filepath.Join(dir, "nginx.conf"), []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	h.front.nginx = exec.Command(nginx, "-p", dir, "-c", filepath.Join(dir, "nginx.conf"), "-g", "daemon off;")
	out, err := os.Create(filepath.Join(dir, "logs", "stderr.log"))
	if err != nil {
		t.Fatal(err)
	}
	h.front.nginx.Stdout, h.front.nginx.Stderr = out, out
	if err := h.front.nginx.Start(); err != nil {
		t.Fatalf("cannot start nginx: %v", err)
	}
	waitListening(t, "nginx", fmt.Sprintf("127.0.0.1:%d", httpsPort), out.Name())
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(caPEM)
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{RootCAs: pool}
	h.Client = &http.Client{CheckRedirect: noRedirect.CheckRedirect, Transport: tr}
	h.URL = fmt.Sprintf("https://127.0.0.1:%d", httpsPort)
	h.HTTPURL = fmt.Sprintf("http://127.0.0.1:%d", httpPort)
	h.env = append(h.env, "EIF_HUB_PUBLIC_URL="+h.URL+"/")
}

// waitListening waits until something accepts connections at addr.
func waitListening(t testing.TB, what, addr, log string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s does not listen at %s after 30 s; its log:\n%s", what, addr, testenv.TailFile(log, 20))
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// makeCertificates makes a certificate authority and, signed by it, a
// certificate for 127.0.0.1 valid for a day; it returns the authority's
// certificate, the server's and the server's key, in PEM.
func makeCertificates(t testing.TB) (caPEM, certPEM, keyPEM []byte) {
	t.Helper()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	ca := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "EIF test authority"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ = x509.ParseCertificate(caDER)
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	leaf := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(24 * time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage:    x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	leafDER, err := x509.CreateCertificate(rand.Reader, leaf, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}),
		pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: leafDER}),
		pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER})
}
