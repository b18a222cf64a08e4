package keatest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Lab is the network a daemon run by Loaded sees: a namespace of its own
// with loopback, eth0 and eth1 (veth pairs: the kernel may lack the dummy
// driver), eth0 holding 192.0.2.1/24 and 2001:db8:1::1/64, eth1
// 10.0.0.1/8 and 2001:db8:2::1/64: the interfaces and addresses ISC's
// examples name.
const Lab = `set -e
ip link set lo up
ip link add eth0 type veth peer name eth0p
ip link add eth1 type veth peer name eth1p
ip addr add 192.0.2.1/24 dev eth0
ip -6 addr add 2001:db8:1::1/64 dev eth0 nodad
ip addr add 10.0.0.1/8 dev eth1
ip -6 addr add 2001:db8:2::1/64 dev eth1 nodad
ip -6 addr add 3001::2/64 dev eth1 nodad
for i in eth0 eth0p eth1 eth1p; do ip link set "$i" up; done
`

// Loaded runs the daemon of a document's top-level key (Dhcp4, Dhcp6 or
// DhcpDdns) with the document, in a namespace set up as Lab, and returns
// what config-get answers: the configuration as Kea holds it, its
// defaults filled in. The call talks to the document's unix control
// socket, or, when it has none, to one it adds and the answer leaves out
// again (Kea takes one unix socket). An error when the daemon does not start with the document (its
// output is in the error).
func Loaded(t testing.TB, doc []byte) (json.RawMessage, error) {
	t.Helper()
	var top map[string]map[string]any
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	if err := dec.Decode(&top); err != nil || len(top) != 1 {
		return nil, fmt.Errorf("not a document with one top-level object: %v", err)
	}
	var key string
	var body map[string]any
	for key, body = range top {
	}
	daemon := daemons[key]
	if daemon == "" {
		return nil, fmt.Errorf("no daemon runs %s documents", key)
	}
	root := Root(t)
	name := fmt.Sprintf("keatest-get-%d-%d", os.Getpid(), serial.Add(1))
	sockName := "/run/kea/" + name + ".sock"
	socks, _ := body["control-sockets"].([]any)
	if old, ok := body["control-socket"]; ok { // the older single form
		socks = append(socks, old)
		delete(body, "control-socket")
	}
	// Kea takes one unix control socket: the document's own, when it has
	// one (a bare name is in /run/kea), else one added here.
	added := true
	for _, so := range socks {
		if m, ok := so.(map[string]any); ok && m["socket-type"] == "unix" {
			if n, ok := m["socket-name"].(string); ok {
				sockName, added = n, false
				if !strings.Contains(n, "/") {
					sockName = "/run/kea/" + n
				}
			}
		}
	}
	if added {
		socks = append(socks, map[string]any{"socket-type": "unix", "socket-name": sockName})
	}
	body["control-sockets"] = socks
	data, err := json.Marshal(top)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(root, "tmp", name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "config.json"), data, 0o644); err != nil {
		return nil, err
	}
	socket := filepath.Join(root, sockName)
	defer os.Remove(socket)
	defer os.Remove(socket + ".lock")
	inDir := "/tmp/" + name
	cmd := exec.Command("unshare", "--net", "sh", "-c", Lab+`exec env KEA_PIDFILE_DIR="$2" KEA_LOCKFILE_DIR="$2" chroot "$1" "/usr/sbin/$3" -c "$2/config.json"`,
		"lab", root, inDir, daemon)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %v", daemon, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		_ = cmd.Process.Kill()
		<-exited //nolint:errcheck // killed: its error says so
	}()
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.Dial("unix", socket)
		if err == nil {
			defer c.Close()
			if _, err := c.Write([]byte(`{"command": "config-get"}`)); err != nil {
				return nil, err
			}
			var resp struct {
				Result    int                        `json:"result"`
				Text      string                     `json:"text"`
				Arguments map[string]json.RawMessage `json:"arguments"`
			}
			if err := json.NewDecoder(c).Decode(&resp); err != nil {
				return nil, fmt.Errorf("config-get answer: %v", err)
			}
			if resp.Result != 0 {
				return nil, fmt.Errorf("config-get: %s", resp.Text)
			}
			if !added {
				return resp.Arguments[key], nil
			}
			return withoutSocket(resp.Arguments[key], sockName)
		}
		select {
		case err := <-exited:
			exited <- err
			return nil, fmt.Errorf("%s did not start with the document (%v):\n%s", daemon, err, lastLines(out.String(), 8))
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%s opened no control socket in 20 s:\n%s", daemon, lastLines(out.String(), 8))
		}
	}
}

// withoutSocket is a config-get body without the control socket Loaded
// added.
func withoutSocket(body json.RawMessage, sockName string) (json.RawMessage, error) {
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		return nil, err
	}
	socks, _ := m["control-sockets"].([]any)
	kept := socks[:0]
	for _, s := range socks {
		if so, ok := s.(map[string]any); !ok || so["socket-name"] != sockName {
			kept = append(kept, s)
		}
	}
	if len(kept) == 0 {
		delete(m, "control-sockets")
	} else {
		m["control-sockets"] = kept
	}
	return json.Marshal(m)
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
