package kea

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha512"
	"encoding/base64"
	"fmt"
	"strings"
)

// KindTSIGKey is the TSIG key's Terraform type.
const KindTSIGKey = "kea_tsig_key"

// TSIGKey is a kea_tsig_key: a key D2 signs DNS updates with. Not yet in
// Kinds: the DDNS objects join the estate together (issue 10).
type TSIGKey struct {
	Name       string  `json:"name"`
	Algorithm  string  `json:"algorithm"`
	DigestBits *int64  `json:"digest_bits"`
	Secret     *string `json:"secret"`
	SecretFile *string `json:"secret_file"`
	// SecretName names an entry of the renderer's secrets map holding the
	// secret (as a control socket client's password_secret does): how
	// parse_config hands back the keys it reads.
	SecretName *string `json:"secret_name"`
	Context
}

// tsigAlgorithm is a TSIG algorithm D2 takes, and its hash length.
type tsigAlgorithm struct {
	Name string // Kea's spelling, e.g. HMAC-SHA256
	Bits int64  // hash length in bits; a generated secret has as many
}

// TSIGAlgorithms are the algorithms Kea 3.0's D2 takes (all six verified
// with BIND 9 end to end).
var TSIGAlgorithms = []tsigAlgorithm{
	{"HMAC-MD5", 128}, {"HMAC-SHA1", 160}, {"HMAC-SHA224", 224},
	{"HMAC-SHA256", 256}, {"HMAC-SHA384", 384}, {"HMAC-SHA512", 512},
}

// TSIGAlgorithmNames are the algorithm names, for the schema's validator.
var TSIGAlgorithmNames = func() []string {
	out := make([]string, len(TSIGAlgorithms))
	for i, a := range TSIGAlgorithms {
		out[i] = a.Name
	}
	return out
}()

// algorithm finds the key's algorithm (Kea compares case-insensitively).
func (k *TSIGKey) algorithm() (tsigAlgorithm, bool) {
	for _, a := range TSIGAlgorithms {
		if strings.EqualFold(a.Name, k.Algorithm) {
			return a, true
		}
	}
	return tsigAlgorithm{}, false
}

// ID is the key's identity: its name.
func (k *TSIGKey) ID() string { return k.Name }

// Identity is the id once the name is set.
func (k *TSIGKey) Identity() (string, bool) { return k.Name, k.Name != "" }

// ParseTSIGKeyID reads a key's import id: its name.
func ParseTSIGKeyID(id string) (*TSIGKey, error) { return &TSIGKey{Name: id}, nil }

// Validate checks the key on its own.
func (k *TSIGKey) Validate(index int) Diags {
	var out Diags
	r := reporter{kind: KindTSIGKey, id: k.Name, index: index, out: &out}
	if k.Name == "" {
		r.errf("name", "is required")
	} else if err := validHostname(k.Name); err != nil {
		r.errf("name", "a TSIG key name is a DNS name, and %v", err)
	}
	k.Context.check(r)
	alg, known := k.algorithm()
	if !known {
		r.errf("algorithm", "%q is not a TSIG algorithm D2 takes: use one of %s", k.Algorithm, strings.Join(TSIGAlgorithmNames, ", "))
	}
	if b := k.DigestBits; b != nil && *b != 0 {
		switch {
		case *b < 0 || *b%8 != 0:
			// Kea: "TSIG key digest-bits must either be zero or a positive, multiple of eight".
			r.errf("digest_bits", "%d: Kea takes 0 (the whole hash) or a positive multiple of 8", *b)
		case *b < 80 || known && *b < alg.Bits/2:
			// Kea: "digest-bits too small".
			r.errf("digest_bits", "%d is too short: Kea takes at least 80 bits and half the %s hash (%d)", *b, alg.Name, max(80, alg.Bits/2))
		case known && *b > alg.Bits:
			// Kea 3.0 accepts it; a truncation cannot be longer than the hash.
			r.errf("digest_bits", "%d is longer than the %s hash (%d bits); give at most %d, or 0 for the whole hash", *b, alg.Name, alg.Bits, alg.Bits)
		}
	}
	switch {
	case k.Secret != nil && k.SecretFile != nil:
		// Kea: "duplicate secret".
		r.errf("secret_file", "set secret or secret_file, not both")
	case k.SecretName != nil && (k.Secret != nil || k.SecretFile != nil):
		r.errf("secret_name", "set one of secret, secret_file and secret_name")
	case k.SecretName != nil && *k.SecretName == "":
		r.errf("secret_name", "must not be empty")
	case k.Secret != nil && strings.TrimSpace(*k.Secret) == "":
		r.errf("secret", "must not be empty; leave it unset to have one generated")
	case k.Secret != nil:
		if _, err := base64.StdEncoding.DecodeString(*k.Secret); err != nil {
			// Kea: "Cannot make D2TsigKey: attempt to decode a value not in base64 char set".
			r.errf("secret", "is not base64 (%v); D2 refuses it", err)
		}
	case k.SecretFile != nil && !strings.HasPrefix(*k.SecretFile, "/"):
		r.errf("secret_file", "%q: give an absolute path on the D2 host", *k.SecretFile)
	}
	return out
}

// GenerateTSIGSecret returns a random secret as long as the algorithm's
// hash, base64-encoded, as the seed generates one.
func GenerateTSIGSecret(algorithm string) (string, error) {
	k := TSIGKey{Algorithm: algorithm}
	alg, ok := k.algorithm()
	if !ok {
		return "", fmt.Errorf("%q is not a TSIG algorithm", algorithm)
	}
	b := make([]byte, alg.Bits/8)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(b), nil
}

// render is the key's tsig-keys entry in a DhcpDdns document; secret is
// the value of secret_name, resolved by the caller.
func (k *TSIGKey) render(secret *string) *Object {
	alg, _ := k.algorithm()
	o := (&Object{}).Set("name", k.Name).Set("algorithm", alg.Name)
	if k.DigestBits != nil && *k.DigestBits != 0 {
		o.Set("digest-bits", *k.DigestBits)
	}
	if secret == nil {
		secret = k.Secret
	}
	setStr(o, "secret", secret)
	setStr(o, "secret-file", k.SecretFile)
	k.Context.render(o)
	return o
}

// PlanTSIGSecret is the secret of a key whose configuration gives none,
// as far as it can be known at plan: the one in state (prior) while it is
// as long as the algorithm's hash; else, with a seed, one derived from the
// seed, the key's name and its algorithm (HMAC-SHA512), so the plan and
// the apply that follows agree on it; else none yet (known is false: a
// random one is generated when the key is created or updated). A random
// value drawn at plan would differ when Terraform plans again at apply.
func PlanTSIGSecret(name, algorithm, prior, seed string) (secret string, known bool, err error) {
	k := TSIGKey{Name: name, Algorithm: algorithm}
	alg, ok := k.algorithm()
	if !ok {
		return "", false, fmt.Errorf("%q is not a TSIG algorithm", algorithm)
	}
	if b, err := base64.StdEncoding.DecodeString(prior); err == nil && prior != "" && int64(len(b)) == alg.Bits/8 {
		return prior, true, nil
	}
	if seed == "" {
		return "", false, nil
	}
	mac := hmac.New(sha512.New, []byte(seed))
	mac.Write([]byte("kea_tsig_key\x00" + k.nameFold() + "\x00" + alg.Name))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil)[:alg.Bits/8]), true, nil
}

// nameFold is the key name as DNS compares it: lower case, no trailing dot.
func (k *TSIGKey) nameFold() string { return strings.ToLower(strings.TrimSuffix(k.Name, ".")) }
