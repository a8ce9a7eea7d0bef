package hub

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/sha1"
	"crypto/tls"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Kernel is a GoNB kernel of a student's server, reached as JupyterLab reaches
// it: through the hub's proxy (and nginx, with Options.TLS), the kernel's
// websocket, with the student's API token.
type Kernel struct {
	ID   string
	User string

	h       *Hub
	token   string
	session string
	mu      sync.Mutex
	conn    net.Conn
	r       *bufio.Reader
}

// StartKernel starts a GoNB kernel on user's server.
func (h *Hub) StartKernel(ctx context.Context, user, token string) (*Kernel, error) {
	code, body := h.Do(ctx, "POST", "/user/"+user+"/api/kernels", token, map[string]any{"name": "gonb"})
	if code != 201 {
		return nil, fmt.Errorf("no kernel on %s's server: HTTP %d: %.300s", user, code, body)
	}
	var k struct{ ID string }
	if err := json.Unmarshal(body, &k); err != nil {
		return nil, err
	}
	kern := &Kernel{ID: k.ID, User: user, h: h, token: token, session: randomKey()}
	return kern, kern.Connect(ctx)
}

// Connect opens (again) the kernel's websocket.
func (k *Kernel) Connect(ctx context.Context) error {
	k.Close()
	u, err := url.Parse(k.h.URL + "/user/" + k.User + "/api/kernels/" + k.ID + "/channels")
	if err != nil {
		return err
	}
	d := net.Dialer{Timeout: 30 * time.Second}
	var conn net.Conn
	if u.Scheme == "https" {
		cfg := &tls.Config{NextProtos: []string{"http/1.1"}}
		if tr, ok := k.h.Client.Transport.(*http.Transport); ok && tr.TLSClientConfig != nil {
			cfg.RootCAs = tr.TLSClientConfig.RootCAs
		}
		conn, err = (&tls.Dialer{NetDialer: &d, Config: cfg}).DialContext(ctx, "tcp", u.Host)
	} else {
		conn, err = d.DialContext(ctx, "tcp", u.Host)
	}
	if err != nil {
		return err
	}
	key := randomKey()
	req := &http.Request{Method: "GET", URL: u, Host: u.Host, Header: http.Header{
		"Upgrade": {"websocket"}, "Connection": {"Upgrade"}, "Sec-Websocket-Key": {key},
		"Sec-Websocket-Version": {"13"}, "Authorization": {"token " + k.token},
	}}
	if err := req.Write(conn); err != nil {
		conn.Close()
		return err
	}
	r := bufio.NewReader(conn)
	resp, err := http.ReadResponse(r, req)
	if err != nil {
		conn.Close()
		return err
	}
	sum := sha1.Sum([]byte(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"))
	if resp.StatusCode != http.StatusSwitchingProtocols || resp.Header.Get("Sec-Websocket-Accept") != base64.StdEncoding.EncodeToString(sum[:]) {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		conn.Close()
		return fmt.Errorf("the kernel's websocket was refused: HTTP %d: %s", resp.StatusCode, b)
	}
	k.mu.Lock()
	k.conn, k.r = conn, r
	k.mu.Unlock()
	return nil
}

// Close closes the websocket (the kernel keeps running).
func (k *Kernel) Close() {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.conn != nil {
		k.conn.Close()
		k.conn = nil
	}
}

// Shutdown stops the kernel.
func (k *Kernel) Shutdown(ctx context.Context) {
	k.Close()
	k.h.Do(ctx, "DELETE", "/user/"+k.User+"/api/kernels/"+k.ID, k.token, nil)
}

// Result is what a cell gave: its text outputs (streams, and the text/plain
// or text/html of displays), its error, its execution count.
type Result struct {
	Stdout, Stderr string
	Error          string // "ename: evalue" of an error output
	Count          int    // execution_count of the reply
}

// Execute runs code as a cell and waits for its reply and for the kernel to
// be idle again. An error means no reply came: the websocket closed (the
// server went away) or ctx ended.
func (k *Kernel) Execute(ctx context.Context, code string) (Result, error) {
	k.mu.Lock()
	conn, r := k.conn, k.r
	k.mu.Unlock()
	if conn == nil {
		return Result{}, errors.New("the kernel's websocket is closed")
	}
	id := randomKey()
	msg, _ := json.Marshal(map[string]any{
		"header":        map[string]any{"msg_id": id, "username": k.User, "session": k.session, "msg_type": "execute_request", "version": "5.3"},
		"parent_header": map[string]any{}, "metadata": map[string]any{}, "channel": "shell", "buffers": []any{},
		"content": map[string]any{"code": code, "silent": false, "store_history": true, "user_expressions": map[string]any{},
			"allow_stdin": false, "stop_on_error": true},
	})
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Now()) })
	defer stop()
	if err := writeFrame(conn, msg); err != nil {
		return Result{}, err
	}
	var res Result
	replied, idle := false, false
	for !(replied && idle) {
		b, err := readMessage(conn, r)
		if err != nil {
			return res, err
		}
		var m struct {
			Channel string `json:"channel"`
			Header  struct {
				MsgType string `json:"msg_type"`
			} `json:"header"`
			Parent struct {
				MsgID string `json:"msg_id"`
			} `json:"parent_header"`
			Content struct {
				Name, Text, Ename, Evalue string
				ExecutionState            string          `json:"execution_state"`
				ExecutionCount            int             `json:"execution_count"`
				Data                      json.RawMessage `json:"data"`
			} `json:"content"`
		}
		if json.Unmarshal(b, &m) != nil || m.Parent.MsgID != id {
			continue
		}
		c := m.Content
		switch m.Header.MsgType {
		case "execute_reply":
			replied, res.Count = true, c.ExecutionCount
		case "status":
			idle = c.ExecutionState == "idle"
		case "stream":
			if c.Name == "stderr" {
				res.Stderr += c.Text
			} else {
				res.Stdout += c.Text
			}
		case "display_data", "execute_result":
			var data map[string]any
			_ = json.Unmarshal(c.Data, &data)
			for _, mime := range []string{"text/plain", "text/html"} {
				if s, ok := data[mime].(string); ok {
					res.Stdout += s
				}
			}
		case "error":
			res.Error = strings.TrimSpace(c.Ename + ": " + c.Evalue)
		}
	}
	return res, nil
}

func randomKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return base64.StdEncoding.EncodeToString(b)
}

// writeFrame writes one masked text frame (RFC 6455, a client's frame).
func writeFrame(w io.Writer, payload []byte) error {
	hdr := []byte{0x81} // FIN, text
	switch n := len(payload); {
	case n < 126:
		hdr = append(hdr, 0x80|byte(n))
	case n <= 0xffff:
		hdr = append(hdr, 0x80|126, byte(n>>8), byte(n))
	default:
		hdr = binary.BigEndian.AppendUint64(append(hdr, 0x80|127), uint64(n))
	}
	mask := make([]byte, 4)
	_, _ = rand.Read(mask)
	hdr = append(hdr, mask...)
	masked := make([]byte, len(payload))
	for i, c := range payload {
		masked[i] = c ^ mask[i%4]
	}
	_, err := w.Write(append(hdr, masked...))
	return err
}

// readMessage reads the frames of one data message (answering pings) and
// returns its payload; io.EOF when the server closes the websocket.
func readMessage(w io.Writer, r *bufio.Reader) ([]byte, error) {
	var msg []byte
	for {
		var h [2]byte
		if _, err := io.ReadFull(r, h[:]); err != nil {
			return nil, err
		}
		fin, op, n := h[0]&0x80 != 0, h[0]&0x0f, uint64(h[1]&0x7f)
		switch n {
		case 126:
			var b [2]byte
			if _, err := io.ReadFull(r, b[:]); err != nil {
				return nil, err
			}
			n = uint64(binary.BigEndian.Uint16(b[:]))
		case 127:
			var b [8]byte
			if _, err := io.ReadFull(r, b[:]); err != nil {
				return nil, err
			}
			n = binary.BigEndian.Uint64(b[:])
		}
		if n > 256<<20 {
			return nil, fmt.Errorf("a websocket frame of %d bytes", n)
		}
		var mask []byte
		if h[1]&0x80 != 0 { // servers do not mask, but a masked frame is still readable
			mask = make([]byte, 4)
			if _, err := io.ReadFull(r, mask); err != nil {
				return nil, err
			}
		}
		p := make([]byte, n)
		if _, err := io.ReadFull(r, p); err != nil {
			return nil, err
		}
		if mask != nil {
			for i := range p {
				p[i] ^= mask[i%4]
			}
		}
		switch op {
		case 0x8: // close
			return nil, io.EOF
		case 0x9: // ping: pong with the same payload
			if err := writeControl(w, 0xA, p); err != nil {
				return nil, err
			}
			continue
		case 0xA: // pong
			continue
		}
		msg = append(msg, p...)
		if fin {
			return msg, nil
		}
	}
}

// writeControl writes a masked control frame (payload < 126 bytes).
func writeControl(w io.Writer, op byte, payload []byte) error {
	mask := make([]byte, 4)
	_, _ = rand.Read(mask)
	f := append([]byte{0x80 | op, 0x80 | byte(len(payload))}, mask...)
	for i, c := range payload {
		f = append(f, c^mask[i%4])
	}
	_, err := w.Write(f)
	return err
}
