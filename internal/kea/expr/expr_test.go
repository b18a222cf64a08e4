package expr

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestPrecedence checks how expressions group: "not" binds tighter than
// "and", which binds tighter than "or"; "+" is left associative and binds
// tighter than "==".
func TestPrecedence(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{"'a' == 'b'", "(== 'a' 'b')"},
		{"not 'a' == 'b'", "(not (== 'a' 'b'))"},
		{"not 'a' == 'b' and 'c' == 'd'", "(and (not (== 'a' 'b')) (== 'c' 'd'))"},
		{"member('a') and member('b') or member('c')", "(or (and (member a) (member b)) (member c))"},
		{"member('a') or member('b') and member('c')", "(or (member a) (and (member b) (member c)))"},
		{"member('a') sor member('b') sand member('c')", "(sor (member a) (sand (member b) (member c)))"},
		{"member('a') or member('b') or member('c')", "(or (or (member a) (member b)) (member c))"},
		{"not not member('a')", "(not (not (member a)))"},
		{"not (member('a') or member('b'))", "(not (or (member a) (member b)))"},
		{"'a' + 'b' + 'c' == 'abc'", "(== (+ (+ 'a' 'b') 'c') 'abc')"},
		{"'a' == 'b' + 'c'", "(== 'a' (+ 'b' 'c'))"},
		{"('a') == 'a'", "(== 'a' 'a')"},
		{"(('a') + ('b')) == 'ab'", "(== (+ 'a' 'b') 'ab')"},
		{"(('a' == 'b'))", "(== 'a' 'b')"},
		{"option[1].exists and option[2].hex == 0x01", "(and (option 1.exists) (== (option 2.hex) 0x01))"},
		{"ifelse(member('a'), 'x', 'y') == 'x'", "(== (ifelse (member a) 'x' 'y') 'x')"},
	}
	for _, tc := range tests {
		n, err := parse(tc.src, V4, Bool, nil)
		if err != nil {
			t.Errorf("%q: %v", tc.src, err)
			continue
		}
		if got := n.String(); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

// TestMessages compares errors with the messages Kea 3.0.3 printed for the
// same expressions (without its "<string>:" prefix).
func TestMessages(t *testing.T) {
	tests := []struct {
		src    string
		family Family
		want   Kind
		msg    string
	}{
		{"'a' and 'b'", V4, Bool, "1.5-7: syntax error, unexpected and, expecting == or +"},
		{"'a' == 'b' 'c'", V4, Bool, "1.12-14: syntax error, unexpected constant string, expecting end of file"},
		{"('a' == 'b'", V4, Bool, "1.12: syntax error, unexpected end of file"},
		{"'a' == ", V4, Bool, "1.8: syntax error, unexpected end of file"},
		{"", V4, Bool, "1.1: syntax error, unexpected end of file"},
		{"  ", V4, Bool, "1.3: syntax error, unexpected end of file"},
		{"", V6, String, "1.1: expression can not be empty"},
		{"  ", V6, String, "1.3: syntax error, unexpected end of file"},
		{"'abc'", V4, Bool, "1.6: syntax error, unexpected end of file, expecting == or +"},
		{"'a\\'b' == 'c'", V4, Bool, "1.5: Invalid character: b"},
		{"option[300].hex == 'a'", V4, Bool, "1.8-10: Option code has invalid value in 300. Allowed range: 0..255"},
		{"option[99999999999].exists", V6, Bool, "1.8-18: Option code has invalid value in 99999999999"},
		{"option[-1].exists", V4, Bool, "1.8-9: Option code has invalid value in -1. Allowed range: 0..255"},
		{"-1 == 1", V4, Bool, "1.1-2: Invalid value in -1. Allowed range: 0..4294967295"},
		{"4294967296 == 'a'", V4, Bool, "1.1-10: Invalid value in 4294967296. Allowed range: 0..4294967295"},
		{"99999999999999999999 == 'a'", V4, Bool, "1.1-20: Failed to convert 99999999999999999999 to an integer."},
		{"0x == 'a'", V4, Bool, "1.2: Invalid character: x"},
		{"300.0.0.1 == 'a'", V4, Bool, "1.1-9: Failed to convert 300.0.0.1 to an IP address."},
		{"dead:beef: == 'a'", V4, Bool, "1.1-10: Failed to convert dead:beef: to an IP address."},
		{"'a' == 'b' and", V4, Bool, "1.15: syntax error, unexpected end of file"},
		{"known", V4, Bool, "1.1: Invalid character: k"},
		{"member(foo)", V4, Bool, "1.8: Invalid character: f"},
		{"'a' == 'b' ==", V4, Bool, "1.12-13: syntax error, unexpected ==, expecting end of file"},
		{"match('(', 'a')", V4, Bool, "1.7-9: invalid regular expression '(': Mismatched '(' and ')' in regular expression"},
		{"option[1].hex and 'a'", V4, Bool, "1.15-17: syntax error, unexpected and, expecting == or +"},
		{"option[1].", V4, Bool, "1.11: syntax error, unexpected end of file, expecting option or text or hex or exists"},
		{"option[1].option[routers].exists", V4, Bool, "1.18-24: syntax error, unexpected option name, expecting integer"},
		{"relay4[1].option[2].hex == 'a'", V4, Bool, "1.11-16: syntax error, unexpected option, expecting text or hex or exists"},
		{"vendor[-1].exists", V4, Bool, "1.8-9: Invalid value in -1. Allowed range: 0..4294967295"},
		{"vendor-class[4491].data[256] == 'a'", V4, Bool, "1.25-27: Invalid value in 256. Allowed range: 0..255"},
		{"vendor-class[1].option[1].exists", V4, Bool, "1.17-22: syntax error, unexpected option, expecting exists or data"},
		{"pkt6.msgtype == 'a'", V4, Bool, "1.1-4: pkt6 can only be used in DHCPv6."},
		{"substring('a', 'x', all) == 'a'", V4, Bool, "1.16-18: syntax error, unexpected constant string, expecting integer"},
		{"substring('a', 0, 'x') == 'a'", V4, Bool, "1.19-21: syntax error, unexpected constant string, expecting all or integer"},
		{"concat('a' 'b') == 'a'", V4, Bool, `1.12-14: syntax error, unexpected constant string, expecting "," or +`},
		{"concat('a', 'b' 'c') == 'a'", V4, Bool, "1.17-19: syntax error, unexpected constant string, expecting ) or +"},
		{"ifelse('a', 'b', 'c') == 'a'", V4, Bool, `1.11: syntax error, unexpected ",", expecting == or +`},
		{"ifelse('a'=='a' 'x', 'b', 'c') == 'a'", V4, Bool, "1.17-19: syntax error, unexpected constant string"},
		{"('a' and 1)", V4, Bool, "1.6-8: syntax error, unexpected and, expecting ) or == or +"},
		{"('a' == 'b' 'c')", V4, Bool, "1.13-15: syntax error, unexpected constant string"},
		{"'a' != 'b'", V4, Bool, "1.5: Invalid character: !"},
		{"relay6[0].peeraddr == ::1", V4, Bool, "1.8: Nest level invalid for DHCPv4 packets"},
		{"pkt4.mac == 'a'", V6, Bool, "1.1-4: pkt4 can only be used in DHCPv4."},
		{"relay4[1].exists", V6, Bool, "1.1-6: relay4 can only be used in DHCPv4."},
		{"relay6[32].peeraddr == ::1", V6, Bool, "1.8-9: Nest level has invalid value in 32. Allowed range: -32..31"},
		{"relay6[200].linkaddr == ::1", V6, Bool, "1.8-10: Invalid value in 200. Allowed range: -128..127"},
		{"relay6[0].option[65536].exists", V6, Bool, "1.18-22: Option code has invalid value in 65536. Allowed range: 0..65535"},
		{"relay6[0]", V6, Bool, "1.10: syntax error, unexpected end of file, expecting ."},
		{"option[ dns-servers  ].hex", V6, Bool, "1.27: syntax error, unexpected end of file, expecting == or +"},
		{"option[dns-servers  ].foo", V6, Bool, "1.23: Invalid character: f"},
		{"split('a,b', ',', 'x') == 'a'", V6, Bool, "1.19-21: syntax error, unexpected constant string, expecting integer"},
		{"member('foo')", V4, String, "1.1-6: syntax error, unexpected member"},
		{"option[1].exists", V4, String, "1.11-16: syntax error, unexpected exists, expecting option or text or hex"},
		{"'a' == 'b'", V4, String, "1.5-6: syntax error, unexpected ==, expecting end of file"},
		{"(member('foo'))", V4, String, "1.2-7: syntax error, unexpected member"},
		{"not 'a'", V4, String, "1.1-3: syntax error, unexpected not"},
		{"option[1].hex + ", V4, String, "1.17: syntax error, unexpected end of file"},
		{"vendor[1].exists", V4, String, "1.11-16: syntax error, unexpected exists, expecting option"},
		{"vendor-class[1].exists", V4, String, "1.17-22: syntax error, unexpected exists, expecting data"},
		// Positions on later lines.
		{"'a' ==\n  'b' 'c'", V4, Bool, "2.7-9: syntax error, unexpected constant string, expecting end of file"},
	}
	for _, tc := range tests {
		_, err := Parse(tc.src, tc.family, tc.want)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%q (v%d %s): accepted, want %s", tc.src, tc.family, tc.want, tc.msg)
			continue
		}
		if got := e.Error(); got != tc.msg {
			t.Errorf("%q (v%d %s):\n got %s\nwant %s", tc.src, tc.family, tc.want, got, tc.msg)
		}
	}
}

func TestErrorFields(t *testing.T) {
	_, err := Parse("'a' and 'b'", V4, Bool)
	e, ok := err.(*Error)
	if !ok {
		t.Fatalf("got %T %v", err, err)
	}
	if e.Line != 1 || e.Pos != 5 || e.End != 7 || e.EndLine != 1 {
		t.Errorf("got %+v", *e)
	}
}

func TestMembers(t *testing.T) {
	got, err := Parse("member('a') or (member('b') and not member('a')) or ifelse(member('c'), 'x', 'y') == 'x'", V6, Bool)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "b", "c"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	got, err = Parse("'a' == 'a'", V4, Bool)
	if err != nil || len(got) != 0 {
		t.Errorf("got %q, %v", got, err)
	}
}

func TestEnv(t *testing.T) {
	env := &Env{
		ClassDefined:  func(name string) bool { return name == "foo" },
		OptionDefined: func(name string) bool { return name == "routers" },
	}
	if _, err := ParseEnv("member('foo') and option[routers].exists", V4, Bool, env); err != nil {
		t.Fatal(err)
	}
	tests := map[string]string{
		"member('nope')":             "1.8-13: Not defined client class 'nope'",
		"option[nosuch].hex == 'a'":  "1.8-13: option 'nosuch' is not defined",
		"option[text].exists":        "1.8-11: option 'text' is not defined",
		"member('foo') or member(1)": "1.25: syntax error, unexpected integer, expecting constant string",
	}
	for src, want := range tests {
		_, err := ParseEnv(src, V4, Bool, env)
		if err == nil || err.Error() != want {
			t.Errorf("%q: got %v, want %s", src, err, want)
		}
	}
}

// TestRegex compares checkRegex with what Kea 3.0.3 (libstdc++ std::regex)
// accepted and rejected.
func TestRegex(t *testing.T) {
	accepted := []string{
		"]", "}", "a]", "a}", "a**", "a+?", "a??", "a*?+", "(?:a)", "(?=a)b", "(?!a)",
		"[]", "[^]", "[]a]", "[[:alpha:]]", `\q`, `\d\w\s`, `\x41`, `\u00e9`, `(a)\1`,
		`\cA`, `\0`, "a|", "|", "()", `\b`, ".", `\/`, `\-`, `[\]]`, `\k`, "a{1}{2}",
		"(|a)", "[-a]", "[a-]", "[.a.]", "[[.a.]]", "[[=a=]]", "[[.hyphen.]]",
		"^a.*b$", "[0-9a-f]{2}(:[0-9a-f]{2}){5}", "a{50000}",
		// Just under libstdc++'s NFA state limit (as measured with Kea).
		"a{99990}", "ab{99990}", "a{49990}b{49990}", "a{10,49995}", "a{10,50000}", "a{99990,}",
	}
	for _, re := range accepted {
		if msg := checkRegex(re); msg != "" {
			t.Errorf("%q rejected: %s", re, msg)
		}
	}
	rejected := map[string]string{
		"{":           reParen,
		"a{":          reBadBrace,
		"a{1":         reBrace,
		"a{1,":        reBrace,
		"a{,2}":       reBadBrace,
		"a{x}":        reBadBrace,
		"a{2,1}":      reBadBrace,
		"^*":          reParen,
		"$+":          reParen,
		"*a":          reParen,
		"(?<n>a)":     reAssert,
		"(?i)a":       reAssert,
		")":           reParen,
		"(a))":        reParen,
		"((a)":        reParen,
		"[abc":        reBrack,
		"[z-a]":       reRange,
		"[a-z":        reBrack,
		"[a-":         reRangeEnd,
		"[[:foo:]]":   reCtype,
		`[\d-z]`:      reRangeBeg,
		`\x4`:         reHex,
		`\1`:          reBackref,
		`(a)\2`:       reBackref,
		`\c`:          reCtrl,
		`\B*`:         reParen,
		`\`:           reEscEnd,
		`a\`:          reEscEnd,
		`[a\]`:        reBrack,
		`\p{L}`:       reBadBrace,
		"(*)":         reParen,
		"a{99999}":    reStates,
		"a{99996}":    reStates,
		"a{10,99990}": reStates,
		"(a){33330}":  reStates,
		"(ab){24990}": reStates,
	}
	for re, want := range rejected {
		if got := checkRegex(re); got != want {
			t.Errorf("%q: got %q, want %q", re, got, want)
		}
	}
}

// TestLinear checks that Parse stays fast on long and deeply nested input.
func TestLinear(t *testing.T) {
	long := strings.Repeat("member('a') or ", 20000) + "member('b')"
	if _, err := Parse(long, V4, Bool); err != nil {
		t.Fatal(err)
	}
	deep := strings.Repeat("(", 2000) + "'a'" + strings.Repeat(")", 2000) + " == 'a'"
	if _, err := Parse(deep, V4, Bool); err != nil {
		t.Fatal(err)
	}
	concat := strings.Repeat("'a' + ", 20000) + "'a'"
	if _, err := Parse(concat, V6, String); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkParse(b *testing.B) {
	src := "(option[60].text == 'PXEClient' or substring(option[61].hex, 0, 3) == 0x010203) and not member('foo') and pkt4.mac + 'x' == concat('a', ifelse(member('bar'), 'b', 'c'))"
	for b.Loop() {
		if _, err := Parse(src, V4, Bool); err != nil {
			b.Fatal(err)
		}
	}
}
