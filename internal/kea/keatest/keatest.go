// Package keatest runs real Kea 3.0 daemons for tests, two ways:
//   - Servers: a kea-dhcp4 or kea-dhcp6, started once in the chroot
//     scripts/kea-install.sh builds (in a network namespace of its own),
//     judges any number of documents through the config-test command on
//     its control socket: the parsers and checks -T runs, without a daemon
//     per document.
//   - Check: scripts/kea-check.sh, one daemon run per document (-T, which
//     loads hooks; -t for kea-dhcp-ddns), for verdicts that need hooks
//     loaded, Kea's syntax messages, or a D2 document.
package keatest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Server is a Kea daemon serving config-test.
type Server struct {
	cmd    *exec.Cmd
	socket string // host path of the control socket
	config string
}

var serial atomic.Int64

// daemons are the Kea daemons by the top-level key of their documents.
var daemons = map[string]string{"Dhcp4": "kea-dhcp4", "Dhcp6": "kea-dhcp6", "DhcpDdns": "kea-dhcp-ddns"}

// repo is the repository's root, found from the test's directory.
func repo(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for d := dir; d != filepath.Dir(d); d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
	}
	t.Fatalf("no go.mod above %s", dir)
	return ""
}

// Root is the chroot holding Kea: $KEA_CACHE/root, by default the
// repository's .cache/kea/root.
func Root(t testing.TB) string {
	t.Helper()
	if c := os.Getenv("KEA_CACHE"); c != "" {
		return filepath.Join(c, "root")
	}
	return filepath.Join(repo(t), ".cache/kea/root")
}

// Start starts the daemon for documents under top (Dhcp4 or Dhcp6); it
// stops when the test ends.
func Start(t testing.TB, top string) *Server {
	t.Helper()
	daemon := daemons[top]
	if daemon == "" || top == "DhcpDdns" { // Start serves the DHCP daemons
		t.Fatalf("no daemon serves %s documents", top)
	}
	root := Root(t)
	name := fmt.Sprintf("keatest-%s-%d-%d", strings.ToLower(top), os.Getpid(), serial.Add(1))
	serverID := "" // kea-dhcp6 needs a DUID; its namespace has no interface to make one from
	if top == "Dhcp6" {
		serverID = `"server-id": {"type": "EN", "enterprise-id": 2495, "identifier": "0123456789ab", "persist": false},`
	}
	cfg := fmt.Sprintf(`{%q: {"interfaces-config": {"interfaces": []}, %s
 "control-sockets": [{"socket-type": "unix", "socket-name": "/run/kea/%s.sock"}],
 "lease-database": {"type": "memfile", "persist": false},
 "loggers": [{"name": %q, "output-options": [{"output": "stderr"}], "severity": "ERROR"}]}}`, top, serverID, name, daemon)
	s := &Server{socket: filepath.Join(root, "run/kea", name+".sock"), config: filepath.Join(root, "tmp", name+".json")}
	if err := os.WriteFile(s.config, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	s.cmd = exec.Command("unshare", "--net", "chroot", root, "/usr/sbin/"+daemon, "-c", "/tmp/"+name+".json")
	var stderr bytes.Buffer
	s.cmd.Stderr = &stderr
	if err := s.cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", daemon, err)
	}
	t.Cleanup(s.stop)
	for i := 0; i < 200; i++ {
		if c, err := net.Dial("unix", s.socket); err == nil {
			c.Close()
			return s
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s did not open its control socket %s:\n%s", daemon, s.socket, stderr.String())
	return nil
}

func (s *Server) stop() {
	if s.cmd.Process != nil {
		_ = s.cmd.Process.Kill()
		_ = s.cmd.Wait() // killed: its error says so
	}
	for _, f := range []string{s.socket, s.socket + ".lock", s.config} {
		os.Remove(f)
	}
}

// ConfigTest has the daemon judge one document ({"Dhcp4": {...}}): whether
// it accepts it, and its message.
func (s *Server) ConfigTest(t testing.TB, doc []byte) (accepted bool, text string) {
	t.Helper()
	c, err := net.Dial("unix", s.socket)
	if err != nil {
		t.Fatalf("control socket: %v", err)
	}
	defer c.Close()
	cmd := append(append([]byte(`{"command": "config-test", "arguments": `), doc...), '}')
	if _, err := c.Write(cmd); err != nil {
		t.Fatal(err)
	}
	var resp struct {
		Result int    `json:"result"`
		Text   string `json:"text"`
	}
	if err := json.NewDecoder(c).Decode(&resp); err != nil {
		t.Fatalf("config-test answer: %v", err)
	}
	return resp.Result == 0, resp.Text
}

// Servers starts daemons on demand, one per top-level key.
type Servers struct {
	t  testing.TB
	by map[string]*Server
}

// NewServers makes a set of daemons for t.
func NewServers(t testing.TB) *Servers { return &Servers{t: t, by: map[string]*Server{}} }

// ConfigTest judges a document with the daemon of its top-level key.
func (ss *Servers) ConfigTest(doc []byte) (accepted bool, text string) {
	ss.t.Helper()
	var top map[string]json.RawMessage
	if err := json.Unmarshal(doc, &top); err != nil || len(top) != 1 {
		ss.t.Fatalf("not a document with one top-level key: %v", err)
	}
	for k := range top {
		s := ss.by[k]
		if s == nil {
			s = Start(ss.t, k)
			ss.by[k] = s
		}
		return s.ConfigTest(ss.t, doc)
	}
	return false, ""
}

// Verdict is Kea's verdict on one document.
type Verdict struct {
	Accepted bool
	Message  string // Kea's error lines, for a refused document
}

// Check runs scripts/kea-check.sh on files, split over two concurrent
// runs, and returns Kea's verdict on each. An infrastructure error (exit
// status other than 0 or 1, or a file without a verdict) fails the test.
func Check(t testing.TB, files []string) map[string]Verdict {
	t.Helper()
	script := filepath.Join(repo(t), "scripts/kea-check.sh")
	verdicts := map[string]Verdict{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	var errs []string
	const workers = 2
	chunk := max(1, (len(files)+workers-1)/workers)
	for start := 0; start < len(files); start += chunk {
		part := files[start:min(start+chunk, len(files))]
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command("bash", append([]string{script, "--"}, part...)...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			mu.Lock()
			defer mu.Unlock()
			if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
				errs = append(errs, fmt.Sprintf("kea-check.sh failed (%v):\n%s%s", err, stdout.String(), stderr.String()))
				return
			}
			// kea-check prints "ok FILE" for an accepted file, and Kea's
			// output followed by "FAIL FILE" for a refused one.
			var block []string
			for _, line := range strings.Split(stdout.String(), "\n") {
				switch {
				case strings.HasPrefix(line, "ok "):
					verdicts[strings.TrimPrefix(line, "ok ")] = Verdict{Accepted: true}
				case strings.HasPrefix(line, "FAIL "):
					verdicts[strings.TrimPrefix(line, "FAIL ")] = Verdict{Message: message(strings.Join(block, "\n"))}
				default:
					block = append(block, line)
					continue
				}
				block = nil
			}
		}()
	}
	wg.Wait()
	if len(errs) > 0 {
		t.Fatalf("%s", strings.Join(errs, "\n"))
	}
	for _, f := range files {
		if _, ok := verdicts[f]; !ok {
			t.Fatalf("kea-check.sh gave no verdict for %s", f)
		}
	}
	return verdicts
}

var (
	logPrefixRE = regexp.MustCompile(`^.*\] [A-Z0-9_]+ `)
	locationRE  = regexp.MustCompile(` \(/tmp/[^)]*\)$`)
)

// message extracts Kea's error lines from its output, or keeps the whole
// output when it has none (a syntax error).
func message(out string) string {
	var msgs []string
	for _, line := range strings.Split(out, "\n") {
		if !strings.Contains(line, "ERROR") {
			continue
		}
		line = logPrefixRE.ReplaceAllString(line, "")
		line = locationRE.ReplaceAllString(line, "")
		line = strings.TrimPrefix(line, "failed to create or run parser for configuration element option-data: ")
		msgs = append(msgs, strings.TrimSpace(line))
	}
	if len(msgs) == 0 {
		return strings.TrimSpace(out)
	}
	return strings.Join(msgs, "; ")
}
