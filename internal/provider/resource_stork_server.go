package provider

import (
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var storkServerKind = &objectKind{
	kind:    kea.KindNamed(kea.KindStorkServer),
	version: 0,
	description: "An ISC Stork server (`stork-server`): the web UI and API that monitors Kea through the agents of " +
		"`kea_stork_agent_group` objects. Render its `server.env` with the `kea_config` data source (`stork_server`) or the " +
		"`provider::kea::config` function. The file is written in the one form systemd's `EnvironmentFile=` and Stork's " +
		"`--use-env-file` read alike: `KEY=value`, unquoted, comments on their own lines.",
	idDesc:      "The server's name.",
	targetInput: "stork_server",
	outputs: []output{{name: "url", desc: "The server's URL as agents use it (`STORK_AGENT_SERVER_URL`): `https` with `tls_certificate`, the endpoint, the REST port and the base URL without its trailing slash, e.g. `http://198.51.100.10:8080`.",
		value: func(e kea.Entity) string { return e.(*kea.StorkServer).URL() }}},
	attrs: []attrSpec{
		field("name", tString, "Unique name; also the id agent groups use to refer to it.").req().identity(),
		field("endpoint", tString, "Address or DNS name agents reach the server at; the host of its URL (`STORK_AGENT_SERVER_URL`).").req(),
		field("rest_host", tString, "Address the server listens on (`STORK_REST_HOST`); unset means every address."),
		field("rest_port", tInt, "Port of the web UI and REST API (`STORK_REST_PORT`, default 8080).").between(1, kea.MaxUint16),
		field("base_url", tString, "Path the UI is served under behind a proxy (`STORK_REST_BASE_URL`, default `/`), e.g. `/stork/`."),
		field("tls_certificate", tString, "Certificate file for https (`STORK_REST_TLS_CERTIFICATE`); with it the URL is `https`."),
		field("tls_private_key", tString, "Private key file for `tls_certificate` (`STORK_REST_TLS_PRIVATE_KEY`)."),
		field("tls_ca_certificate", tString, "CA file for mutual TLS with clients (`STORK_REST_TLS_CA_CERTIFICATE`)."),
		field("static_files_dir", tString, "Directory of the web UI's files (`STORK_REST_STATIC_FILES_DIR`, default `/usr/share/stork/www`)."),
		field("database_url", tString, "A `postgres://` URL instead of the separate database fields and the password (`STORK_DATABASE_URL`; Stork refuses either beside it, so a password goes in the URL); `sslmode` in it is ignored by Stork, so set `database_sslmode`."),
		field("database_host", tString, "PostgreSQL host (`STORK_DATABASE_HOST`); unset means the local unix socket, where the port is ignored."),
		field("database_port", tInt, "PostgreSQL port (`STORK_DATABASE_PORT`, default 5432); needs `database_host`.").between(1, kea.MaxUint16),
		field("database_name", tString, "Database name (`STORK_DATABASE_NAME`, default `stork`)."),
		field("database_user", tString, "Database user (`STORK_DATABASE_USER_NAME`, default `stork`)."),
		field("database_password_secret", tString, "Name of an entry in the renderer's `secrets` map holding the database password, written as `STORK_DATABASE_PASSWORD` (the document is then sensitive)."),
		field("database_password_file", tString, "Absolute path of an env file holding `STORK_DATABASE_PASSWORD=...`, loaded by a second `EnvironmentFile=`: `server.env` then holds no password and its diff stays visible."),
		field("database_sslmode", tString, "`disable` (default), `require`, `verify-ca` or `verify-full` (`STORK_DATABASE_SSLMODE`).").in(kea.StorkDatabaseSSLModes...),
		field("database_sslcert", tString, "Client certificate file for the database (`STORK_DATABASE_SSLCERT`); needs an SSL mode other than `disable`."),
		field("database_sslkey", tString, "Client key file for the database (`STORK_DATABASE_SSLKEY`)."),
		field("database_sslrootcert", tString, "CA file the database's certificate is verified against (`STORK_DATABASE_SSLROOTCERT`); needs `verify-ca` or `verify-full`."),
		field("enable_metrics", tBool, "Serve the server's own Prometheus `/metrics` (`STORK_SERVER_ENABLE_METRICS`)."),
		field("log_level", tString, "`DEBUG`, `INFO`, `WARN` or `ERROR` (`STORK_LOG_LEVEL`); Stork ignores other spellings.").in(kea.StorkLogLevels...),
		field("registration", tString, "How agents register: `agent-token` (the default: each agent registers at start with `STORK_AGENT_SERVER_URL`, and an administrator authorizes it) or `server-token` (each host runs `stork-agent register` with the server's token once; `agent.env` then carries no server URL).").in(kea.StorkRegistrations...),
	},
}
