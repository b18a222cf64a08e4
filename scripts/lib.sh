# Shared helpers for the project's scripts. Source it.
# shellcheck shell=bash
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CHECKPOINT_DISABLE=1
# A CLI config path that does not exist makes terraform print a warning on
# every run; an empty config says the same thing quietly.
if [[ -n ${TF_CLI_CONFIG_FILE:-} && ! -e $TF_CLI_CONFIG_FILE ]]; then
	export TF_CLI_CONFIG_FILE=/dev/null
fi

# doc_kinds: the document-kind table of internal/kea (go run ./scripts/dockinds),
# one kind a line: name, format, file, suffix, check command, target kind.
doc_kinds() { (cd "$REPO" && go run ./scripts/dockinds); }

# json_doc_names: the top-level keys of the JSON document kinds, one a line.
json_doc_names() { doc_kinds | awk -F'\t' '$2 == "json" { print $1 }'; }

# use_terraform: put a terraform >= 1.8 first on PATH and export
# TF_ACC_TERRAFORM_PATH so terraform-plugin-testing never downloads one.
use_terraform() {
	local tf
	tf=$("$REPO/scripts/terraform.sh")
	export TF_ACC_TERRAFORM_PATH=$tf
	export PATH="$(dirname "$tf"):$PATH"
}

# dev_override_config DIR: write a CLI config that serves keaform/kea from
# the binary in DIR (make build puts it in .cache/bin) and print its path.
dev_override_config() {
	local cfg="$REPO/.cache/dev.tfrc"
	cat >"$cfg" <<CFG
provider_installation {
  dev_overrides {
    "keaform/kea" = "$1"
  }
  direct {}
}
CFG
	printf '%s\n' "$cfg"
}

# render_example DIR OUT: terraform apply DIR with the dev override (state
# and data kept in a scratch directory) and write every output that is a
# Kea document to OUT/<output>.json, and every Stork env file to
# OUT/<output>.server.env or .agent.env. Prints the files written.
render_example() {
	local dir=$1 out=$2 scratch
	scratch=$(mktemp -d)
	mkdir -p "$out"
	# Work on a copy; docs examples leave out the required_providers block
	# (the registry docs show the resource alone), so add one.
	cp -r "$dir" "$scratch/work"
	rm -rf "$scratch/work/.terraform" "$scratch/work"/*.tfstate* "$scratch/work/.terraform.lock.hcl"
	if ! grep -q 'required_providers' "$scratch/work"/*.tf; then
		printf 'terraform {\n  required_providers {\n    kea = { source = "keaform/kea" }\n  }\n}\n' >"$scratch/work/zz_required_providers.tf"
	fi
	local -a tf=(env TF_CLI_CONFIG_FILE="$(dev_override_config "$REPO/.cache/bin")" TF_IN_AUTOMATION=1 terraform -chdir="$scratch/work")
	if ! "${tf[@]}" apply -auto-approve -input=false -no-color >"$scratch/apply.log" 2>&1; then
		echo "terraform apply failed in $dir:" >&2
		cat "$scratch/apply.log" >&2
		rm -rf "$scratch"
		return 1
	fi
	# A second plan must be empty.
	if ! "${tf[@]}" plan -detailed-exitcode -input=false -no-color >"$scratch/plan.log" 2>&1; then
		echo "second plan of $dir is not empty:" >&2
		cat "$scratch/plan.log" >&2
		rm -rf "$scratch"
		return 1
	fi
	"${tf[@]}" output -json >"$scratch/outputs.json"
	python3 - "$scratch/outputs.json" "$out" "$(json_doc_names | paste -sd,)" <<'PY'
import json, sys, os
outs = json.load(open(sys.argv[1]))
kinds = set(sys.argv[3].split(","))
def emit(name, v):
    if not isinstance(v, str):
        return
    if v.endswith("\n") and all(l == "" or l.startswith("#") or l.startswith("STORK_") for l in v.splitlines()):
        kind = "server" if "STORK_DATABASE_" in v or "STORK_REST_" in v else "agent"
        path = os.path.join(sys.argv[2], name + "." + kind + ".env")
        with open(path, "w") as f:
            f.write(v)
        print(path)
        return
    try:
        doc = json.loads(v)
    except ValueError:
        return
    if isinstance(doc, dict) and set(doc) & kinds:
        path = os.path.join(sys.argv[2], name + ".json")
        with open(path, "w") as f:
            f.write(v)
        print(path)
for name, o in sorted(outs.items()):
    v = o.get("value")
    if isinstance(v, dict):  # one document per host
        for key, doc in sorted(v.items()):
            emit(name + "." + key, doc)
    else:
        emit(name, v)
PY
	rm -rf "$scratch"
}
