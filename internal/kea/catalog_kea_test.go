package kea

// Checks the standard option catalogues against the real Kea 3.0 daemons
// (scripts/kea-check.sh runs kea-dhcp4 -T / kea-dhcp6 -T in a chroot). Only
// with KEA_CHECK=1, which make test sets.
//
//   - TestCatalogAgainstKea: every catalogue entry, given by name AND code
//     with a sample value of its catalogue type, in one document per family;
//     Kea must accept them all (so it also agrees on every name↔code pair).
//     A second document per family shows the entries that are not arrays
//     ignore an extra, invalid value. If Kea rejects a document, every entry
//     is checked alone and each one Kea disagrees with is reported with
//     Kea's message.
//   - TestCatalogKeaRejectsWrongValues: a sample of values of the wrong type
//     (and name/code mismatches) must be rejected, so the check is live.
//   - TestCatalogKeaDomainNameIsString: domain-name (15) is a string, not an
//     fqdn, in Kea 3.0.3 too.
//   - TestCatalogKeaPinsTypes (not with -short): for every entry, a value just
//     outside its catalogue type must be rejected, so Kea's type is not a
//     wider one (uint16 for our uint8, string for our fqdn, an array, ...).
//   - TestCatalogKeaKnowsNoOtherCodes (not with -short): every code the
//     catalogue leaves undefined in dhcp4 (1..254), dhcp6 (1..160) and around
//     the sub-spaces' codes is probed; Kea must not define it either.
//
// The samples are chosen to tell types apart: the accepted integer samples are
// the type's extreme (255 for uint8, -128 for int8) and the rejected ones one
// past it; the string sample has a 64-octet label, so an fqdn option would
// refuse it, and is not hex, so a binary option would too.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/keaform/terraform-provider-kea/internal/kea/keatest"
)

func catKeaRequire(t *testing.T, slow bool) {
	t.Helper()
	if os.Getenv("KEA_CHECK") != "1" {
		t.Skip("set KEA_CHECK=1 (make test does) to check the catalogues against real Kea")
	}
	if slow && testing.Short() {
		t.Skip("runs Kea once per catalogue entry or probed code; skipped with -short")
	}
}

// catKeaSpace is one catalogue and the Kea option space it describes.
type catKeaSpace struct {
	space string
	defs  []StdOptionDef
}

// catKeaFamily is what one Kea daemon checks: its top-level key and the
// catalogues of the option spaces it knows.
type catKeaFamily struct {
	top    string // "Dhcp4" or "Dhcp6"
	spaces []catKeaSpace
}

var catKeaFamilies = []catKeaFamily{
	{"Dhcp4", []catKeaSpace{
		{"dhcp4", stdDHCP4Options},
		{"dhcp-agent-options-space", stdDHCP4AgentOptions},
		{"cablelabs-client-conf", stdDHCP4CableLabsOptions},
		{"docsis3-v4", stdDHCP4DOCSISOptions},
		{"vendor-4491", stdDHCP4DOCSISOptions},
	}},
	{"Dhcp6", []catKeaSpace{
		{"dhcp6", stdDHCP6Options},
		{"4o6", stdDHCP6ISCOptions},
		{"s46-cont-mape-options", stdDHCP6MAPEOptions},
		{"s46-cont-mapt-options", stdDHCP6MAPTOptions},
		{"s46-cont-lw-options", stdDHCP6LWOptions},
		{"s46-rule-options", stdDHCP6S46RuleOptions},
		{"s46-v4v6bind-options", stdDHCP6S46V4V6BindOptions},
		{"v6-ntp-server-suboptions", stdDHCP6NTPServerOptions},
		{"docsis3-v6", stdDHCP6DOCSISOptions},
		{"vendor-4491", stdDHCP6DOCSISOptions},
	}},
}

// catKeaNotFQDN is a text no fqdn option takes (its first label has 64
// octets: "label is too long") and no binary option takes (not hex).
var catKeaNotFQDN = strings.Repeat("a", 64) + ".example"

// catKeaSample holds, per type, a value Kea must accept for it and a second
// one, used as the second element of arrays.
var catKeaSample = map[OptionType][2]string{
	TypeIPv4Address: {"192.0.2.1", "192.0.2.2"},
	TypeIPv6Address: {"2001:db8::1", "2001:db8::2"},
	TypeIPv6Prefix:  {"2001:db8::/64", "2001:db8:1::/64"},
	TypeUint8:       {"255", "1"},
	TypeUint16:      {"65535", "1"},
	TypeUint32:      {"4294967295", "1"},
	TypeInt8:        {"-128", "-1"},
	TypeInt16:       {"-32768", "-1"},
	TypeInt32:       {"-2147483648", "-1"},
	TypeBoolean:     {"true", "false"},
	TypeFQDN:        {"example.com.", "example.org."},
	TypeString:      {catKeaNotFQDN, "abc"},
	TypeBinary:      {"0a0b", "0c0d"},
	TypeTuple:       {catKeaNotFQDN, "abc"},
	// Kea's psid is "PSID/PSID-length", the PSID in decimal or 0x-hex; the
	// value must fit in PSID-length bits ("0x0100/8" is rejected with
	// "invalid PSID value 256 for a specified PSID length 8").
	TypePSID: {"0x0100/16", "0x0200/16"},
}

// catKeaWrong holds, per type, a value Kea must reject for it. Together with
// the accepted sample it pins the type: 255 accepted and 256 rejected is a
// uint8 and nothing else. A string option rejects only empty data ("no option
// value specified"), which a tuple or binary option would take; a tuple takes
// any text, so no value pins it (an accepted empty tuple, in the second
// document of TestCatalogAgainstKea, shows it is not a string).
var catKeaWrong = map[OptionType]string{
	TypeIPv4Address: "abc",
	TypeIPv6Address: "192.0.2.1",
	TypeIPv6Prefix:  "2001:db8::1",
	TypeUint8:       "256",
	TypeUint16:      "65536",
	TypeUint32:      "4294967296",
	TypeInt8:        "128",
	TypeInt16:       "32768",
	TypeInt32:       "2147483648",
	TypeBoolean:     "2",
	TypeFQDN:        strings.Repeat("a", 64) + ".example.",
	TypeString:      "",
	TypeBinary:      "zz",
	TypePSID:        "300/8",
}

// catKeaWrongElement returns the wrong value of rt usable as an element of a
// comma-separated list (not the empty string).
func catKeaWrongElement(rt OptionType) (string, bool) {
	w, ok := catKeaWrong[rt]
	return w, ok && w != ""
}

// catKeaOverride holds the sample values, keyed "space/name", of entries whose
// value Kea parses beyond its declared type:
//   - internal types: the examples of the Kea ARM (sections "Classless Static
//     Route option" and "DNR options"); "\," is an escaped comma inside the
//     SvcParams field.
//   - vivco-suboptions (124) and vendor-class (16) are records
//     [uint32, binary], but Kea builds them with OptionVendorClass, which
//     parses the binary field as length-prefixed tuples (1-octet lengths in
//     DHCPv4, 2-octet in DHCPv6): "1, 0a0b" is refused with "unable to parse
//     the opaque data tuple, the buffer length is 1, but the tuple length is
//     10". The samples hold one tuple, "abc".
//   - fqdn (81) and client-fqdn (39): Kea builds them with Option4ClientFqdn /
//     Option6ClientFqdn, which check the flags: 255 sets both N and S ("both
//     N and S flag of the DHCPv4 Client FQDN Option are set. According to
//     RFC 4702, if the N bit is 1 the S bit MUST be 0"). The samples set S.
var catKeaOverride = map[string]string{
	"dhcp4/classless-static-route": "10.229.0.128/25 - 10.229.0.1, 10.27.129.0/24 - 10.27.129.1",
	"dhcp4/v4-dnr":                 `100, dot1.example.org., 10.0.3.4 10.1.5.6, alpn=dot\,doq port=8530`,
	"dhcp6/v6-dnr":                 `100, dot1.example.org., 2001:db8::1 2001:db8::2, alpn=dot\,doq port=8530`,
	"dhcp4/vivco-suboptions":       "4294967295, 03616263",
	"dhcp6/vendor-class":           "4294967295, 0003616263",
	"dhcp4/fqdn":                   "1, 255, 255, example.com.",
	"dhcp6/client-fqdn":            "1, example.com.",
}

// catKeaSkip lists the catalogue entries ("space/name") Kea refuses to take
// as option-data at all, whatever the value, with Kea's message. Kea 3.0.3
// takes every entry of every catalogue (even those the server manages itself,
// such as dhcp-message-type (53), clientid (1) or ia-na (3)), so the set is
// empty; an entry added here is left out of TestCatalogAgainstKea.
var catKeaSkip = map[string]string{}

// catKeaOptionData is one option-data entry.
type catKeaOptionData struct {
	Space string  `json:"space"`
	Name  string  `json:"name"`
	Code  uint32  `json:"code"`
	Data  *string `json:"data,omitempty"`
}

// catKeaEntry is one option-data entry with the catalogue entry it checks.
type catKeaEntry struct {
	top  string
	def  StdOptionDef
	opt  catKeaOptionData
	why  string // for values Kea must reject: what is wrong with it
	file string
}

func (e catKeaEntry) data() string {
	if e.opt.Data == nil {
		return "(no data)"
	}
	return fmt.Sprintf("%q", *e.opt.Data)
}

func (e catKeaEntry) String() string {
	s := fmt.Sprintf("%s/%s (code %d", e.opt.Space, e.opt.Name, e.opt.Code)
	if e.def.Name != "" {
		s += ", type " + catKeaTypeString(e.def)
	}
	s += ", data " + e.data() + ")"
	if e.why != "" {
		s += " [" + e.why + "]"
	}
	return s
}

func catKeaTypeString(d StdOptionDef) string {
	s := string(d.Type)
	if d.Type == TypeRecord {
		var rts []string
		for _, rt := range d.RecordTypes {
			rts = append(rts, string(rt))
		}
		s += "[" + strings.Join(rts, ",") + "]"
	}
	if d.Array {
		s += " array"
	}
	return s
}

func catKeaStr(s string) *string { return &s }

// catKeaSampleValue returns the option-data "data" Kea must accept for d (nil
// for an empty option, which takes none).
func catKeaSampleValue(t *testing.T, space string, d StdOptionDef) *string {
	t.Helper()
	if v, ok := catKeaOverride[space+"/"+d.Name]; ok {
		return catKeaStr(v)
	}
	switch d.Type {
	case TypeEmpty:
		return nil
	case TypeInternal:
		t.Fatalf("no sample value for the internal-type option %s/%s; add one to catKeaOverride", space, d.Name)
	case TypeRecord:
		var fields []string
		for _, rt := range d.RecordTypes {
			fields = append(fields, catKeaSample[rt][0])
		}
		if d.Array {
			// A record "array" repeats its last field (e.g. option-6rd's
			// IPv4 addresses).
			fields = append(fields, catKeaSample[d.RecordTypes[len(d.RecordTypes)-1]][1])
		}
		return catKeaStr(strings.Join(fields, ", "))
	}
	s, ok := catKeaSample[d.Type]
	if !ok {
		t.Fatalf("no sample value for type %q (%s/%s)", d.Type, space, d.Name)
	}
	if d.Array {
		return catKeaStr(s[0] + ", " + s[1])
	}
	return catKeaStr(s[0])
}

// catKeaPinValue returns a value Kea must reject for d if the catalogue is
// right but would take were d's type a wider or different one, and why; false
// when no value does that (tuples).
func catKeaPinValue(t *testing.T, space string, d StdOptionDef) (*string, string, bool) {
	t.Helper()
	sample := catKeaSampleValue(t, space, d)
	switch d.Type {
	case TypeEmpty:
		return catKeaStr("01"), "data for an empty option", true
	case TypeInternal:
		return catKeaStr("garbage"), "garbage for an option Kea parses itself", true
	case TypeRecord:
		last := d.RecordTypes[len(d.RecordTypes)-1]
		if d.Array {
			// A valid record followed by a wrong last-field value: only an
			// array looks at the extra value.
			if w, ok := catKeaWrongElement(last); ok {
				return catKeaStr(*sample + ", " + w), "record array with an extra " + string(last) + " value " + fmt.Sprintf("%q", w), true
			}
		}
		// Break the last field that has a wrong value.
		fields := strings.Split(*sample, ", ")
		for i := len(d.RecordTypes) - 1; i >= 0; i-- {
			if w, ok := catKeaWrongElement(d.RecordTypes[i]); ok {
				fields[i] = w
				return catKeaStr(strings.Join(fields, ", ")), fmt.Sprintf("record field %d (%s) = %q", i+1, d.RecordTypes[i], w), true
			}
		}
		return nil, "", false
	}
	if d.Array {
		if w, ok := catKeaWrongElement(d.Type); ok {
			return catKeaStr(catKeaSample[d.Type][0] + ", " + w), fmt.Sprintf("%s array whose second element is %q", d.Type, w), true
		}
		return nil, "", false
	}
	if w, ok := catKeaWrong[d.Type]; ok {
		return catKeaStr(w), fmt.Sprintf("%q for a %s", w, d.Type), true
	}
	return nil, "", false
}

// catKeaExtraValue returns a value Kea must accept for d that it would refuse
// were d of another shape: a non-array followed by a wrong value (only an
// array looks at it), or an empty tuple (a string refuses it).
func catKeaExtraValue(t *testing.T, space string, d StdOptionDef) (*string, string, bool) {
	t.Helper()
	switch {
	case d.Type == TypeTuple:
		return catKeaStr(""), "an empty tuple (a string option refuses empty data)", true
	case d.Array || d.Type == TypeEmpty || d.Type == TypeInternal:
		return nil, "", false
	}
	last := d.Type
	if d.Type == TypeRecord {
		last = d.RecordTypes[len(d.RecordTypes)-1]
	}
	if d.Type == TypeString || last == TypeString || last == TypeTuple {
		// A string takes the whole text, commas included.
		return nil, "", false
	}
	w, ok := catKeaWrongElement(last)
	if !ok {
		return nil, "", false
	}
	return catKeaStr(*catKeaSampleValue(t, space, d) + ", " + w), fmt.Sprintf("not an array: an extra %q is ignored", w), true
}

// catKeaWriteDoc writes {top: {"option-data": opts}} to dir/name.
func catKeaWriteDoc(t *testing.T, dir, name, top string, opts []catKeaOptionData) string {
	t.Helper()
	doc := map[string]map[string][]catKeaOptionData{top: {"option-data": opts}}
	raw, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, append(raw, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var catKeaFileRE = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// catKeaWriteEach writes one document per entry and records its file.
func catKeaWriteEach(t *testing.T, dir, prefix string, entries []catKeaEntry) []string {
	t.Helper()
	var files []string
	for i := range entries {
		e := &entries[i]
		name := catKeaFileRE.ReplaceAllString(fmt.Sprintf("%s-%03d-%s-%s.json", prefix, i, e.opt.Space, e.opt.Name), "_")
		e.file = catKeaWriteDoc(t, dir, name, e.top, []catKeaOptionData{e.opt})
		files = append(files, e.file)
	}
	return files
}

// catKeaRun has real Kea judge each file, through the config-test command
// of one kea-dhcp4 and one kea-dhcp6 (internal/kea/keatest) rather than a
// daemon started per file: the same parsers and checks as -T, which hooks
// alone would add to, and option data needs none.
func catKeaRun(t *testing.T, files []string) map[string]keatest.Verdict {
	t.Helper()
	servers := keatest.NewServers(t)
	verdicts := map[string]keatest.Verdict{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ok, text := servers.ConfigTest(raw)
		verdicts[f] = keatest.Verdict{Accepted: ok, Message: text}
	}
	return verdicts
}

// catKeaMustAccept has Kea check one document holding all entries; if Kea
// rejects it, each entry is checked alone and every one Kea rejects is
// reported with Kea's message.
func catKeaMustAccept(t *testing.T, dir, name, top string, entries []catKeaEntry) {
	t.Helper()
	var all []catKeaOptionData
	for _, e := range entries {
		all = append(all, e.opt)
	}
	doc := catKeaWriteDoc(t, dir, name+".json", top, all)
	v := catKeaRun(t, []string{doc})[doc]
	if v.Accepted {
		t.Logf("%s: Kea accepts all %d entries in one document", name, len(entries))
		return
	}
	t.Errorf("%s: Kea rejects the document holding all %d entries: %s", name, len(entries), v.Message)
	files := catKeaWriteEach(t, dir, name+"-one", entries)
	verdicts := catKeaRun(t, files)
	bad := 0
	for _, e := range entries {
		if v := verdicts[e.file]; !v.Accepted {
			bad++
			t.Errorf("Kea disagrees with %s: %s", e, v.Message)
		}
	}
	if bad == 0 {
		t.Errorf("%s: every entry is accepted alone; the rejection comes from their combination", name)
	}
}

// catKeaMustReject has Kea check each entry alone; each must be rejected with
// a message naming the option (its code or name), so the rejection is the
// entry's and not some other problem of the document.
func catKeaMustReject(t *testing.T, dir, prefix string, entries []catKeaEntry) {
	t.Helper()
	files := catKeaWriteEach(t, dir, prefix, entries)
	verdicts := catKeaRun(t, files)
	for _, e := range entries {
		v := verdicts[e.file]
		switch {
		case v.Accepted:
			t.Errorf("Kea accepts %s; want a rejection", e)
		case !strings.Contains(v.Message, fmt.Sprintf("code: %d)", e.opt.Code)) && !strings.Contains(v.Message, "'"+e.opt.Name+"'"):
			t.Errorf("Kea rejects %s, but its message does not name the option: %s", e, v.Message)
		case testing.Verbose() && len(entries) <= 30:
			t.Logf("rejected as expected: %s: %s", e, v.Message)
		}
	}
}

// catKeaEntries builds, for every catalogued entry of fam, the entry value
// returns (skipping entries for which it returns false).
func catKeaEntries(t *testing.T, fam catKeaFamily, value func(space string, d StdOptionDef) (*string, string, bool)) []catKeaEntry {
	t.Helper()
	var entries []catKeaEntry
	for _, sp := range fam.spaces {
		for _, d := range sp.defs {
			if msg, skip := catKeaSkip[sp.space+"/"+d.Name]; skip {
				t.Logf("skipping %s/%s: %s", sp.space, d.Name, msg)
				continue
			}
			data, why, ok := value(sp.space, d)
			if !ok {
				continue
			}
			entries = append(entries, catKeaEntry{top: fam.top, def: d, why: why,
				opt: catKeaOptionData{Space: sp.space, Name: d.Name, Code: d.Code, Data: data}})
		}
	}
	return entries
}

func TestCatalogAgainstKea(t *testing.T) {
	catKeaRequire(t, false)
	for _, fam := range catKeaFamilies {
		t.Run(fam.top, func(t *testing.T) {
			dir := t.TempDir()
			all := catKeaEntries(t, fam, func(space string, d StdOptionDef) (*string, string, bool) {
				return catKeaSampleValue(t, space, d), "", true
			})
			catKeaMustAccept(t, dir, "all-options", fam.top, all)
			extra := catKeaEntries(t, fam, func(space string, d StdOptionDef) (*string, string, bool) {
				return catKeaExtraValue(t, space, d)
			})
			catKeaMustAccept(t, dir, "shape", fam.top, extra)
		})
	}
}

func TestCatalogKeaRejectsWrongValues(t *testing.T) {
	catKeaRequire(t, false)
	v4 := func(name string, code uint32, data, why string) catKeaEntry {
		return catKeaEntry{top: "Dhcp4", why: why, opt: catKeaOptionData{"dhcp4", name, code, catKeaStr(data)}}
	}
	v6 := func(space, name string, code uint32, data, why string) catKeaEntry {
		return catKeaEntry{top: "Dhcp6", why: why, opt: catKeaOptionData{space, name, code, catKeaStr(data)}}
	}
	label64 := strings.Repeat("a", 64) + ".example."
	cases := []catKeaEntry{
		v4("routers", 3, "abc", "ipv4-address array given a word"),
		v4("default-ip-ttl", 23, "300", "uint8 out of range"),
		v4("interface-mtu", 26, "70000", "uint16 out of range"),
		v4("time-offset", 2, "2147483648", "int32 out of range"),
		v4("ip-forwarding", 19, "maybe", "boolean given a word"),
		v4("v4-lost", 137, label64, "fqdn with a 64-octet label"),
		v4("dhcp-client-identifier", 61, "zz", "binary given non-hex"),
		v4("host-name", 12, "", "string given no text"),
		v4("v4-portparams", 159, "0, 300/8", "psid value too large for its length"),
		v4("option-6rd", 212, "1, 2, 192.0.2.1, 192.0.2.1", "record field ipv6-address given an IPv4 address"),
		v4("classless-static-route", 121, "garbage", "internal-type option given garbage"),
		v4("routers", 4, "192.0.2.1", "name routers with the code of time-servers"),
		v6("dhcp6", "dns-servers", 23, "192.0.2.1", "ipv6-address array given an IPv4 address"),
		v6("dhcp6", "preference", 7, "256", "uint8 out of range"),
		v6("dhcp6", "elapsed-time", 8, "70000", "uint16 out of range"),
		v6("dhcp6", "pd-exclude", 67, "2001:db8::", "ipv6-prefix without a length"),
		v6("dhcp6", "rapid-commit", 14, "01", "empty option given data"),
		v6("dhcp6", "ia-ta", 4, "-1", "uint32 given a negative number"),
		v6("s46-rule-options", "s46-portparams", 93, "0, 256/8", "psid value too large for its length"),
		v6("dhcp6", "dns-servers", 22, "2001:db8::1", "name dns-servers with the code of sip-server-addr"),
	}
	catKeaMustReject(t, t.TempDir(), "wrong", cases)
}

// TestCatalogKeaDomainNameIsString confirms Kea's type for domain-name (15),
// which the source declares OPT_STRING_TYPE, not fqdn: a value that is not a
// valid domain name (a 64-octet label) is accepted for it, while the same
// value is rejected for v4-lost (137), a real fqdn option.
func TestCatalogKeaDomainNameIsString(t *testing.T) {
	catKeaRequire(t, false)
	if d, _ := catalogByCode(stdDHCP4Options, 15); d.Type != TypeString {
		t.Fatalf("catalogue: domain-name is %q, want string", d.Type)
	}
	notFQDN := strings.Repeat("a", 64) + ".example."
	dir := t.TempDir()
	ok := catKeaWriteDoc(t, dir, "domain-name.json", "Dhcp4", []catKeaOptionData{{"dhcp4", "domain-name", 15, &notFQDN}})
	bad := catKeaWriteDoc(t, dir, "v4-lost.json", "Dhcp4", []catKeaOptionData{{"dhcp4", "v4-lost", 137, &notFQDN}})
	v := catKeaRun(t, []string{ok, bad})
	if !v[ok].Accepted {
		t.Errorf("Kea rejects a non-FQDN string for domain-name, so it is not a string option: %s", v[ok].Message)
	}
	if v[bad].Accepted {
		t.Errorf("Kea accepts a 64-octet label for the fqdn option v4-lost; the discriminating value proves nothing")
	}
}

func TestCatalogKeaPinsTypes(t *testing.T) {
	catKeaRequire(t, true)
	for _, fam := range catKeaFamilies {
		t.Run(fam.top, func(t *testing.T) {
			var unpinned []string
			entries := catKeaEntries(t, fam, func(space string, d StdOptionDef) (*string, string, bool) {
				v, why, ok := catKeaPinValue(t, space, d)
				if !ok {
					unpinned = append(unpinned, space+"/"+d.Name)
				}
				return v, why, ok
			})
			catKeaMustReject(t, t.TempDir(), "pin", entries)
			if t.Failed() {
				return
			}
			t.Logf("Kea rejects a value just outside the catalogue type for all %d entries; no value does that for %d (%s)",
				len(entries), len(unpinned), strings.Join(unpinned, ", "))
		})
	}
}

// catKeaUndefinedRE matches Kea's message for a code without a definition.
var catKeaUndefinedRE = regexp.MustCompile(`definition for the option '[a-z0-9-]+\.catalog-probe' having code '(\d+)' does not exist`)

// catKeaDefinedRE matches Kea's message for a code that has a definition of
// another name: it names the definition.
var catKeaDefinedRE = regexp.MustCompile(`specified option name 'catalog-probe' does not match the option definition: '([a-z0-9-]+)\.([a-z0-9-]+)'`)

// TestCatalogKeaKnowsNoOtherCodes probes, with option-data naming the
// unknown option "catalog-probe", codes the catalogue does not define: all of
// dhcp4 (1..254), dhcp6 up to 160 (past the highest IANA code Kea 3.0
// implements, 148), and a band around each sub-space's codes. For a code with
// a standard definition Kea names the definition in its error; for any other
// it says the definition does not exist. So Kea has no standard option in
// those ranges that the catalogue lacks.
func TestCatalogKeaKnowsNoOtherCodes(t *testing.T) {
	catKeaRequire(t, true)
	type band struct {
		top, space string
		from, to   uint32
		defs       []StdOptionDef
	}
	bands := []band{
		{"Dhcp4", "dhcp4", 1, 254, stdDHCP4Options},
		{"Dhcp4", "dhcp-agent-options-space", 1, 30, stdDHCP4AgentOptions},
		{"Dhcp4", "dhcp-agent-options-space", 150, 155, stdDHCP4AgentOptions},
		{"Dhcp4", "cablelabs-client-conf", 1, 16, stdDHCP4CableLabsOptions},
		{"Dhcp6", "dhcp6", 1, 160, stdDHCP6Options},
		{"Dhcp6", "4o6", 59998, 60005, stdDHCP6ISCOptions},
		{"Dhcp6", "s46-cont-mape-options", 89, 93, stdDHCP6MAPEOptions},
		{"Dhcp6", "s46-cont-mapt-options", 89, 93, stdDHCP6MAPTOptions},
		{"Dhcp6", "s46-cont-lw-options", 89, 93, stdDHCP6LWOptions},
		{"Dhcp6", "s46-rule-options", 89, 93, stdDHCP6S46RuleOptions},
		{"Dhcp6", "s46-v4v6bind-options", 89, 93, stdDHCP6S46V4V6BindOptions},
		{"Dhcp6", "v6-ntp-server-suboptions", 1, 8, stdDHCP6NTPServerOptions},
		{"Dhcp4", "docsis3-v4", 1, 8, stdDHCP4DOCSISOptions},
		{"Dhcp4", "vendor-4491", 1, 8, stdDHCP4DOCSISOptions},
		{"Dhcp6", "docsis3-v6", 1, 40, stdDHCP6DOCSISOptions},
		{"Dhcp6", "docsis3-v6", 1024, 1028, stdDHCP6DOCSISOptions},
		{"Dhcp6", "vendor-4491", 1, 40, stdDHCP6DOCSISOptions},
		{"Dhcp6", "vendor-4491", 1024, 1028, stdDHCP6DOCSISOptions},
	}
	var probes []catKeaEntry
	for _, b := range bands {
		for code := b.from; code <= b.to; code++ {
			if _, ok := catalogByCode(b.defs, code); ok {
				continue
			}
			probes = append(probes, catKeaEntry{top: b.top, opt: catKeaOptionData{Space: b.space, Name: "catalog-probe", Code: code}})
		}
	}
	files := catKeaWriteEach(t, t.TempDir(), "probe", probes)
	verdicts := catKeaRun(t, files)
	for _, p := range probes {
		v := verdicts[p.file]
		switch {
		case v.Accepted:
			t.Errorf("%s code %d: Kea accepts option-data named catalog-probe", p.opt.Space, p.opt.Code)
		case catKeaUndefinedRE.MatchString(v.Message):
			// No definition: as the catalogue says.
		case catKeaDefinedRE.MatchString(v.Message):
			m := catKeaDefinedRE.FindStringSubmatch(v.Message)
			t.Errorf("%s code %d: Kea has a standard definition %s.%s the catalogue lacks", p.opt.Space, p.opt.Code, m[1], m[2])
		default:
			t.Errorf("%s code %d: unexpected Kea message: %s", p.opt.Space, p.opt.Code, v.Message)
		}
	}
	if !t.Failed() {
		t.Logf("probed %d codes the catalogues leave undefined: Kea defines none of them", len(probes))
	}
}
