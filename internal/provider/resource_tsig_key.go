package provider

import (
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var tsigKeyKind = &objectKind{
	kind:    kea.KindNamed(kea.KindTSIGKey),
	version: 0,
	description: "A TSIG key a `kea_d2_daemon` signs DNS updates with; `kea_ddns_domain` objects and their DNS servers name it. " +
		"Leave `secret`, `secret_file` and `secret_name` unset to have a secret generated (as many bytes as the algorithm's hash, base64), kept in state, " +
		"marked sensitive and stable across plans; it is generated again only when the algorithm's hash length changes. With the provider's " +
		"`tsig_secret_seed` it is derived from the seed at plan, so documents holding it are known in the first plan; without it, it is drawn " +
		"at random when the key is created and is \"(known after apply)\" in that first plan only. " +
		"A document holding a secret is sensitive, so its diff is hidden: with `secret_file` the secret stays on the D2 host and the plan shows the document.",
	idDesc: "The key's name.",
	attrs: []attrSpec{
		field("name", tString, "Key name, a DNS name (e.g. `ddns-key.example.`); the DNS server must know the key by the same name.").req().identity(),
		field("algorithm", tString, "HMAC algorithm: one of "+inputList(kea.TSIGAlgorithmNames)+".").req().in(kea.TSIGAlgorithmNames...),
		field("digest_bits", tInt, "Truncate the MAC to this many bits (`digest-bits`): 0 (the whole hash, the default) or a multiple of 8 of at least 80 and at least half the hash. The DNS server's key must be truncated the same way (BIND: `hmac-sha256-128`).").between(0, 512),
		field("secret", tString, "The shared secret, base64. Unset (with `secret_file` unset) means generated at plan.").filled().secret(),
		field("secret_file", tString, "Absolute path, on the D2 host, of a file holding the base64 secret (`secret-file`): the secret stays out of the rendered document and the plan."),
		field("secret_name", tString, "Name of an entry of the renderer's `secrets` map (the `kea_config` data source's, or the `secrets` attribute of `provider::kea::config`'s objects) holding the base64 secret, as a control socket client's `password_secret` does. Keys read by `provider::kea::parse_config` come back this way, their secrets in the `secrets` map of the `kea_parsed_config` data source, never in the objects."),
		userContextAttr(),
	},
	derive:   deriveTSIGSecret,
	complete: completeTSIGSecret,
}

// deriveTSIGSecret plans the secret of a key whose configuration gives
// neither secret, secret_file nor secret_name: the one in state, else one derived from
// the provider's tsig_secret_seed (known at plan), else unknown until
// apply, where completeTSIGSecret draws a random one.
func deriveTSIGSecret(s *settings, config, prior, plan map[string]tftypes.Value) error {
	given := func(name string) bool { v := config[name]; return !v.IsKnown() || !v.IsNull() }
	if given("secret") {
		return nil
	}
	if given("secret_file") || given("secret_name") {
		plan["secret"] = tftypes.NewValue(tftypes.String, nil)
		return nil
	}
	unknown := tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	var name, alg, old string
	if !config["name"].IsKnown() || !config["algorithm"].IsKnown() || s.seedUnknown {
		plan["secret"] = unknown
		return nil
	}
	_ = config["name"].As(&name)
	_ = config["algorithm"].As(&alg)
	if v, ok := prior["secret"]; ok && v.IsKnown() && !v.IsNull() {
		_ = v.As(&old)
	}
	secret, known, err := kea.PlanTSIGSecret(name, alg, old, s.TSIGSecretSeed)
	switch {
	case err != nil:
		return err
	case known:
		plan["secret"] = tftypes.NewValue(tftypes.String, secret)
	default:
		plan["secret"] = unknown
	}
	return nil
}

// completeTSIGSecret draws the secret that was not known at plan.
func completeTSIGSecret(state map[string]tftypes.Value) error {
	if state["secret"].IsKnown() {
		return nil
	}
	var alg string
	if err := state["algorithm"].As(&alg); err != nil {
		return err
	}
	secret, err := kea.GenerateTSIGSecret(alg)
	if err != nil {
		return err
	}
	state["secret"] = tftypes.NewValue(tftypes.String, secret)
	return nil
}
