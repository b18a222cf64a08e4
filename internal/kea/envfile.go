package kea

import (
	"fmt"
	"strings"
)

// EnvFile is a Stork environment file: sections of comment lines and
// KEY=value lines, written in the one form systemd's EnvironmentFile= and
// Stork's --use-env-file read alike: unquoted values, no spaces around
// "=", no inline comments, comments on their own lines, sections separated
// by a blank line, a trailing newline.
type EnvFile struct {
	sections [][]envLine
}

type envLine struct {
	comment    string // a comment line ("### ..."), when key is empty
	key, value string
}

// section starts a new section.
func (f *EnvFile) section() *EnvFile {
	f.sections = append(f.sections, nil)
	return f
}

// comment adds a comment line to the current section.
func (f *EnvFile) comment(text string) *EnvFile {
	f.add(envLine{comment: text})
	return f
}

// set adds KEY=value to the current section.
func (f *EnvFile) set(key, value string) *EnvFile {
	f.add(envLine{key: key, value: value})
	return f
}

func (f *EnvFile) add(l envLine) {
	if len(f.sections) == 0 {
		f.section()
	}
	f.sections[len(f.sections)-1] = append(f.sections[len(f.sections)-1], l)
}

// Get is the value of key, and whether the file sets it.
func (f *EnvFile) Get(key string) (string, bool) {
	for _, s := range f.sections {
		for _, l := range s {
			if l.key == key {
				return l.value, true
			}
		}
	}
	return "", false
}

// bytes writes the file.
func (f *EnvFile) bytes() []byte {
	var b strings.Builder
	first := true
	for _, s := range f.sections {
		if len(s) == 0 {
			continue
		}
		if !first {
			b.WriteByte('\n')
		}
		first = false
		for _, l := range s {
			if l.key == "" {
				b.WriteString("### " + l.comment + "\n")
				continue
			}
			b.WriteString(l.key + "=" + l.value + "\n")
		}
	}
	return []byte(b.String())
}

// checkEnvValue refuses a value Stork's env file parser would read
// differently from systemd, or not at all: it takes everything after the
// first "=" verbatim (quotes and "# comments" included) after trimming the
// line, and reads one line per entry. A "#" is refused too: it is part of
// the value for both, so it is an inline comment that was meant as one
// (an address followed by "# c" fails: no such host). Secrets may hold
// one (checkSecretEnvValue).
func checkEnvValue(r reporter, attr, v string) bool {
	if strings.Contains(v, "#") {
		r.errf(attr, "%q holds #: an env file has no inline comments, so Stork and systemd both take it as part of the value (an address followed by # c fails: no such host)", v)
		return false
	}
	return checkSecretEnvValue(r, attr, v)
}

// checkSecretEnvValue is checkEnvValue for secrets, which may hold "#".
func checkSecretEnvValue(r reporter, attr, v string) bool {
	switch {
	case strings.ContainsAny(v, "\n\r\x00"):
		r.errf(attr, "%q holds a line break: an env file entry is one line", v)
	case strings.TrimSpace(v) != v:
		r.errf(attr, "%q has leading or trailing spaces, which Stork's env file parser trims and systemd keeps", v)
	case strings.ContainsAny(v, "\"'`\\"):
		r.errf(attr, "%q holds a quote or backslash: systemd removes quotes and escapes, Stork keeps them (a quoted port is fatal: parsing \"\\\"9547\\\"\")", v)
	default:
		return true
	}
	return false
}

// envBool writes a bool as Stork's flag parser and systemd read it.
func envBool(b bool) string { return fmt.Sprint(b) }
