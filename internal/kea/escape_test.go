package kea

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Every object that takes extra_json and user_context, in every golden
// estate, given a value that is not a JSON object: each is refused once,
// by its own attribute, however many documents or passes look at it.
func TestEscapeFaultsOnce(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.in.json"))
	if err != nil || len(files) == 0 {
		t.Fatal("no goldens", err)
	}
	seen := map[string]bool{}
	bad := "{not json"
	set := func(v reflect.Value) {
		for _, name := range []string{"ExtraJSON", "UserContext"} {
			if fv := v.FieldByName(name); fv.IsValid() && fv.Type() == reflect.TypeFor[*string]() {
				fv.Set(reflect.ValueOf(&bad))
			}
		}
	}
	for _, file := range files {
		// One kind at a time: a fault in a subnet keeps its pools from
		// being looked at, and each kind must be reached.
		for _, k := range append([]*Kind{nil}, Kinds...) {
			f := loadFixture(t, file)
			switch {
			case k == nil && f.Server != nil:
				set(reflect.ValueOf(f.Server).Elem())
			case k == nil:
				continue
			default:
				l := k.ListOf(&f.Estate)
				if l.Len() == 0 {
					continue
				}
				for i := range l.Len() {
					set(l.Index(i))
				}
			}
			for _, nt := range f.targets(filepath.Base(file)) {
				_, diags := Render(&f.Estate, nt.t)
				count := map[Diag]int{}
				for _, d := range diags {
					count[d]++
					if (d.Attr == "extra_json" || d.Attr == "user_context") && strings.Contains(d.Msg, "not valid JSON") {
						seen[d.Kind+" "+d.Attr] = true
					}
				}
				for d, n := range count {
					if n > 1 {
						t.Errorf("%s: %q reported %d times", nt.name, d.Error(), n)
					}
				}
			}
		}
	}
	for _, want := range []string{KindServer, KindSubnet, KindPool, KindReservation, KindClientClass, KindSharedNetwork, KindPDPool, KindD2Daemon} {
		if !seen[want+" extra_json"] || !seen[want+" user_context"] {
			t.Errorf("no golden refused a %s's extra_json and user_context: the test does not reach it", want)
		}
	}
}
