package kea

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzRender4 feeds arbitrary estates to the renderer: it may reject them,
// but it must not panic, and whatever it renders must be valid JSON.
// Seeds are the golden and rejected estates; `go test` runs them, and
// `go test -fuzz FuzzRender4 ./internal/kea` explores further.
func FuzzRender4(f *testing.F) {
	for _, pattern := range []string{"testdata/golden/*.in.json", "testdata/rejected/*.in.json"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			raw, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(raw)
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var e Estate
		if json.NewDecoder(bytes.NewReader(raw)).Decode(&e) != nil {
			return
		}
		r, diags := Render4(&e)
		if diags.HasErrors() {
			if r != nil {
				t.Fatal("a document was returned along with errors")
			}
			return
		}
		var v any
		if err := json.Unmarshal(r.Document, &v); err != nil {
			t.Fatalf("rendered document is not JSON: %v\n%s", err, r.Document)
		}
	})
}
