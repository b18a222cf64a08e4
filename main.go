// Command terraform-provider-kea serves the Kea provider to Terraform.
package main

import (
	"flag"
	"log"
	"os"
	"runtime/pprof"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
	"github.com/keaform/terraform-provider-kea/internal/provider"
)

//go:generate terraform fmt -recursive ./examples/
//go:generate go tool tfplugindocs generate --provider-name kea

// version is set by goreleaser.
var version = "dev"

func main() {
	quietSDKUnlessTerraformLogs()
	if err := run(); err != nil {
		log.Fatal(err.Error())
	}
}

// sdkLogLevels are the environment variables that set the level of the
// plugin SDKs' loggers (terraform-plugin-go, -framework) and of the
// provider's own (tflog), which Terraform reads too.
var sdkLogLevels = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"}

// quietSDKUnlessTerraformLogs turns the SDKs' loggers and the provider's
// off when Terraform will show no provider log line: neither TF_LOG nor
// TF_LOG_PROVIDER is set, and no SDK level is set explicitly. The SDKs default to TRACE and
// send every line to Terraform, which then drops it; with 3,000 resources
// that formatting was nearly half of the provider's CPU time (issue 12).
// With TF_LOG or TF_LOG_PROVIDER set, nothing changes.
func quietSDKUnlessTerraformLogs() {
	quiet := append([]string{"TF_LOG_PROVIDER"}, sdkLogLevels...)
	for _, v := range append([]string{"TF_LOG"}, quiet...) {
		if os.Getenv(v) != "" {
			return
		}
	}
	for _, v := range quiet {
		_ = os.Setenv(v, "OFF")
	}
}

func run() error {
	var debug bool
	var envFile, cpuProfile, memProfile string
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve; stop it with ctrl-c")
	flag.StringVar(&envFile, "debug-env-file", "", "with -debug: write the TF_REATTACH_PROVIDERS setting to this file instead of printing it")
	flag.StringVar(&cpuProfile, "cpuprofile", "", "with -debug: write a CPU profile of the whole run to this file (make bench uses it)")
	flag.StringVar(&memProfile, "memprofile", "", "with -debug: write the run's allocations (a heap profile) to this file when it stops")
	flag.Parse()
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
		if envFile != "" {
			opts = append(opts, tf6server.WithManagedDebugEnvFilePath(envFile))
		}
		if cpuProfile != "" {
			f, err := os.Create(cpuProfile)
			if err != nil {
				return err
			}
			if err := pprof.StartCPUProfile(f); err != nil {
				return err
			}
			defer func() {
				pprof.StopCPUProfile()
				_ = f.Close()
			}()
		}
		if memProfile != "" {
			defer func() {
				if f, err := os.Create(memProfile); err == nil {
					_ = pprof.Lookup("allocs").WriteTo(f, 0)
					_ = f.Close()
				}
			}()
		}
	}
	server, err := provider.NewServer(provider.New(version))()
	if err != nil {
		return err
	}
	return tf6server.Serve("registry.terraform.io/keaform/kea", func() tfprotov6.ProviderServer { return server }, opts...)
}
