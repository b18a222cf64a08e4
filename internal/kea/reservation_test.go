package kea

import (
	"strings"
	"testing"
)

// Findings about reservations name something a user can find: the row of
// an object without a usable id, both rows of a duplicate, the character a
// host name may not hold.
func TestReservationMessages(t *testing.T) {
	s := func(v string) *string { return &v }
	srv := &Server{Name: "s1"}
	base := Estate{Subnets: []Subnet{{Server: "s1", SubnetID: 1, Prefix: "192.0.2.0/24"}}}
	for _, c := range []struct {
		name  string
		hosts []Reservation
		want  string
	}{
		{"empty row", []Reservation{{}, {}}, `kea_reservation reservations[1] subnet: is required`},
		{"two identifiers", []Reservation{{Subnet: "s1/1", HWAddress: s("aa:bb:cc:00:00:01"), ClientID: s("01:02")}},
			`kea_reservation reservations[0] client_id: a reservation has exactly one identifier; hw_address is already set`},
		{"same MAC twice", []Reservation{
			{Subnet: "s1/1", HWAddress: s("aa:bb:cc:00:00:01"), IPAddress: s("192.0.2.10")},
			{Subnet: "s1/1", HWAddress: s("AA-BB-CC-00-00-01"), IPAddress: s("192.0.2.11")},
		}, `hw-address aa:bb:cc:00:00:01 has another reservation in subnet s1/1 (reservations[0])`},
		{"unicode host name", []Reservation{{Subnet: "s1/1", HWAddress: s("aa:bb:cc:00:00:01"), Hostname: s("café")}},
			`"café" contains "é"; DNS names use ASCII letters`},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := base
			e.Reservations = c.hosts
			_, diags := Render(&e, srv)
			var got []string
			for _, d := range diags.Errors() {
				got = append(got, d.Error())
				if strings.Contains(d.Error(), c.want) {
					return
				}
			}
			t.Errorf("no error contains %q:\n%s", c.want, strings.Join(got, "\n"))
		})
	}
}

// A relationship whose partner was not passed in says to pass it.
func TestHAMissingPartnerSaysPassServers(t *testing.T) {
	srv := &Server{Name: "a", HA: &HAMembership{Relationship: "p", Role: "primary", Address: "192.0.2.1", Port: 8001}}
	_, diags := Render(&Estate{HARelationships: []HARelationship{{Name: "p", Mode: "hot-standby"}}}, srv)
	want := `kea_ha_relationship "p" mode: hot-standby needs one primary and one standby (plus any backups); the members passed in have 0 standby (none); pass every member's kea_dhcp_server in servers`
	for _, d := range diags.Errors() {
		if strings.Contains(d.Error(), want) {
			return
		}
	}
	t.Errorf("no error contains %q: %v", want, diags)
}

// TestCanonicalHex: the fast path of normalizeHex takes exactly the input
// that rewriting would leave as it is.
func TestCanonicalHex(t *testing.T) {
	for _, s := range []string{"", "0", "00", "0a", "0A", "00:11", "00:11:", ":00", "00-11", "00:1", "aa:bb:cc:dd:ee:ff", "aa:bb:cc:dd:ee:fg", "AA:bb", "0a0b", "0a:0b:0c", "g0", "00::11", "01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f:10"} {
		n, fast := canonicalHex(s)
		got, m, err := rewriteHex(s)
		same := err == nil && got == s
		if fast != same || (fast && n != m) {
			t.Errorf("%q: canonicalHex says %v (%d bytes), rewriting gives %q, %d bytes, %v", s, fast, n, got, m, err)
		}
	}
}
