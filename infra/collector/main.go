// Program otelcol-proc is the OpenTelemetry Collector distribution of the local stack: only the
// components infra/otel-collector.yaml uses (components.go), every go.opentelemetry.io/collector
// module at one release (go.mod). Built by `pnpm stack up` into .stack/bin (scripts/stack).
package main

import (
	"os"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/provider/envprovider"
	"go.opentelemetry.io/collector/confmap/provider/fileprovider"
	"go.opentelemetry.io/collector/otelcol"
)

func main() {
	info := component.BuildInfo{
		Command:     "otelcol-proc",
		Description: "OpenTelemetry Collector for the @proc/telemetry local stack",
		// The core release every go.opentelemetry.io/collector module is pinned to in go.mod.
		Version: "0.165.0",
	}

	settings := otelcol.CollectorSettings{
		BuildInfo: info,
		Factories: components,
		ConfigProviderSettings: otelcol.ConfigProviderSettings{
			ResolverSettings: confmap.ResolverSettings{
				// file: for --config, env: for the ${env:VAR:-default} addresses in the config.
				ProviderFactories: []confmap.ProviderFactory{
					envprovider.NewFactory(),
					fileprovider.NewFactory(),
				},
				DefaultScheme: "env",
			},
		},
	}

	// cobra prints the error itself; exiting non-zero is all that is left to do.
	if err := otelcol.NewCommand(settings).Execute(); err != nil {
		os.Exit(1)
	}
}
