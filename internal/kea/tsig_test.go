package kea

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keaform/terraform-provider-kea/internal/kea/keatest"
)

// tsigCases are TSIG keys with the provider's verdict (the attribute it
// refuses, or "" to accept) and whether real Kea's D2 takes the key.
// stricter marks the keys the provider refuses although D2 takes them.
var tsigCases = []struct {
	name     string
	key      TSIGKey
	refuse   string
	stricter string
}{
	{"sha256", TSIGKey{Name: "ddns-key", Algorithm: "HMAC-SHA256"}, "", ""},
	{"lower-case algorithm", TSIGKey{Name: "ddns-key", Algorithm: "hmac-sha512"}, "", ""},
	{"sha256 truncated to 128", TSIGKey{Name: "k", Algorithm: "HMAC-SHA256", DigestBits: ptr(int64(128))}, "", ""},
	{"md5 truncated to 80", TSIGKey{Name: "k", Algorithm: "HMAC-MD5", DigestBits: ptr(int64(80))}, "", ""},
	{"secret file", TSIGKey{Name: "k", Algorithm: "HMAC-SHA1", SecretFile: ptr("/etc/kea/secrets/ddns.tsig")}, "", ""},
	{"unknown algorithm", TSIGKey{Name: "k", Algorithm: "HMAC-SHA3"}, "algorithm", ""},
	{"digest bits not a multiple of 8", TSIGKey{Name: "k", Algorithm: "HMAC-SHA1", DigestBits: ptr(int64(81))}, "digest_bits", ""},
	{"digest bits below half the hash", TSIGKey{Name: "k", Algorithm: "HMAC-SHA256", DigestBits: ptr(int64(120))}, "digest_bits", ""},
	{"digest bits below 80", TSIGKey{Name: "k", Algorithm: "HMAC-MD5", DigestBits: ptr(int64(72))}, "digest_bits", ""},
	{"secret not base64", TSIGKey{Name: "k", Algorithm: "HMAC-SHA256", Secret: ptr("not base64!")}, "secret", ""},
	{"digest bits beyond the hash", TSIGKey{Name: "k", Algorithm: "HMAC-SHA256", DigestBits: ptr(int64(264))}, "digest_bits", "a truncation cannot be longer than the hash"},
	{"name not a DNS name", TSIGKey{Name: "bad name", Algorithm: "HMAC-SHA256"}, "name", "TSIG key names are DNS names; BIND matches them as such"},
}

// tsigDoc is a minimal D2 document signing one forward zone with the key.
func tsigDoc(k *TSIGKey) []byte {
	d := (&Object{}).Set("ip-address", "127.0.0.1").Set("port", int64(53001)).
		Set("tsig-keys", []any{k.render(nil)}).
		Set("forward-ddns", (&Object{}).Set("ddns-domains", []any{(&Object{}).Set("name", "example.test.").Set("key-name", k.Name).
			Set("dns-servers", []any{(&Object{}).Set("ip-address", "192.0.2.53")})})).
		Set("reverse-ddns", (&Object{}).Set("ddns-domains", []any{}))
	return Marshal((&Object{}).Set(DocDhcpDdns.Name, d))
}

func TestTSIGKeyRules(t *testing.T) {
	for _, c := range tsigCases {
		k := c.key
		if k.Secret == nil && k.SecretFile == nil {
			s, err := GenerateTSIGSecret(k.Algorithm)
			if err != nil {
				s = base64.StdEncoding.EncodeToString([]byte("0123456789abcdef0123456789abcdef"))
			}
			k.Secret = &s
		}
		ds := k.Validate(0)
		checkProviderVerdict(t, ruleCase{c.name, c.refuse, c.stricter}, ds)
	}
	for _, alg := range TSIGAlgorithms {
		s, err := GenerateTSIGSecret(alg.Name)
		if err != nil {
			t.Fatal(err)
		}
		if raw, _ := base64.StdEncoding.DecodeString(s); int64(len(raw))*8 != alg.Bits {
			t.Errorf("%s: generated %d bytes, want %d", alg.Name, len(raw), alg.Bits/8)
		}
		if again, _ := GenerateTSIGSecret(alg.Name); again == s {
			t.Errorf("%s: two generated secrets are equal", alg.Name)
		}
	}
}

// TestTSIGKeyRulesMatchD2 holds the rules to real Kea: D2 (kea-dhcp-ddns
// -t) takes every key the provider accepts and refuses every key the
// provider refuses, except where the provider is stricter, which says why.
func TestTSIGKeyRulesMatchD2(t *testing.T) {
	if os.Getenv("KEA_CHECK") != "1" {
		t.Skip("set KEA_CHECK=1 (make test does) to check the TSIG rules with kea-dhcp-ddns")
	}
	dir := t.TempDir()
	var files []string
	byFile := map[string]int{}
	for i, c := range tsigCases {
		k := c.key
		if k.Secret == nil && k.SecretFile == nil {
			k.Secret = ptr(base64.StdEncoding.EncodeToString([]byte(strings.Repeat("k", 32))))
		}
		f := filepath.Join(dir, fmt.Sprintf("tsig-%02d.json", i))
		if err := os.WriteFile(f, tsigDoc(&k), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		byFile[f] = i
	}
	for f, v := range keatest.Check(t, files) {
		c := tsigCases[byFile[f]]
		checkKeaAgrees(t, ruleCase{c.name, c.refuse, c.stricter}, v)
	}
}
