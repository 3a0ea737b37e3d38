#!/usr/bin/env bash
# Regenerates the fidelity goldens from the real kubectl (v1.32) and helpText.json.
#
# Each line of cases.txt is run with bash in this folder; stdout, stderr and the exit
# code go to golden/<slug>.golden, and `-o json` cases are repeated with `-o yaml`
# into golden/<slug>.yaml.golden. A tiny discovery server (discoveryServer.mjs) stands
# in for the API server because `kubectl run`, `create role` and `expose` need a
# RESTMapper even with --dry-run=client. klog prefixes (date, time, pid) are
# normalised so goldens are stable.
set -u
cd "$(dirname "$0")"

if ! command -v kubectl >/dev/null 2>&1; then
  echo "update.sh: kubectl not found; skipping golden regeneration (committed goldens stay as they are)"
  exit 0
fi
case "$(kubectl version --client 2>/dev/null)" in
  *v1.32.*) ;;
  *) echo "update.sh: warning: kubectl is not v1.32; goldens may drift" >&2 ;;
esac

port=${KP_DISCOVERY_PORT:-18089}
tmp=$(mktemp -d)
node discoveryServer.mjs "$port" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
cat > "$tmp/kubeconfig" <<KUBECONFIG
apiVersion: v1
kind: Config
clusters: [{name: fake, cluster: {server: "http://127.0.0.1:$port"}}]
contexts: [{name: fake, context: {cluster: fake, user: fake, namespace: default}}]
users: [{name: fake, user: {}}]
current-context: fake
KUBECONFIG
export KUBECONFIG="$tmp/kubeconfig"
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api" >/dev/null && break; sleep 0.1; done

normalise() { sed -E 's/^([EWI])[0-9]{4} [0-9:.]{15} +[0-9]+ /\10000 00:00:00.000000       0 /'; }

record() { # slug line
  local slug=$1 line=$2 out=golden/$1.golden
  bash -c "$line" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  { echo "\$ $line"; echo "exit: $rc"; echo "--- stdout"; cat "$tmp/out"; echo "--- stderr"; normalise <"$tmp/err"; } >"$out"
}

rm -rf golden && mkdir golden
while IFS= read -r entry; do
  [[ -z $entry || $entry == \#* ]] && continue
  slug=${entry%% *}
  line=${entry#* }
  record "$slug" "$line"
  if [[ $line == *"-o json"* ]]; then record "$slug.yaml" "${line/-o json/-o yaml}"; fi
done <cases.txt

node extractHelp.mjs
echo "update.sh: wrote $(ls golden | wc -l) goldens"
