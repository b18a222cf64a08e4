package main

import (
	"os"
	"testing"
)

// The SDK loggers go quiet only when Terraform would drop every provider
// log line; any logging setting leaves them alone.
func TestQuietSDKUnlessTerraformLogs(t *testing.T) {
	all := append([]string{"TF_LOG", "TF_LOG_PROVIDER"}, sdkLogLevels...)
	for _, set := range append([]string{""}, all...) {
		for _, v := range all {
			t.Setenv(v, "")
		}
		if set != "" {
			t.Setenv(set, "DEBUG")
		}
		quietSDKUnlessTerraformLogs()
		for _, v := range append([]string{"TF_LOG_PROVIDER"}, sdkLogLevels...) {
			want := "OFF"
			switch {
			case set == v:
				want = "DEBUG"
			case set != "":
				want = ""
			}
			if got := os.Getenv(v); got != want {
				t.Errorf("with %q set: %s = %q, want %q", set, v, got, want)
			}
		}
	}
}
