#!/usr/bin/env bash
# Records the fidelity goldens from the real kubectl (v1.32).
#
# Each case of cases.txt ("<slug> <line>", `##` starts a section, `#` a comment) is run
# with bash in this folder; its stdout, stderr and exit code go to golden/<slug>.golden.
# The real kubectl talks to a tiny discovery server (the generators' discoveryServer.mjs)
# so commands that need a RESTMapper even offline (`run`, `create -f`, `--local`) work;
# everything else it asks answers 404. HOME points at a scratch folder so no discovery
# cache leaks between runs. klog prefixes (date, time, pid) are normalised.
# Usage: tests/fidelity/update.sh [slug-prefix]   (only cases whose slug starts with it)
set -u
cd "$(dirname "$0")"
only=${1:-}

if ! command -v kubectl >/dev/null 2>&1; then
  echo "update.sh: kubectl not found; skipping (committed goldens stay as they are)"
  exit 0
fi
case "$(kubectl version --client 2>/dev/null)" in
  *v1.32.*) ;;
  *) echo "update.sh: warning: kubectl is not v1.32; goldens may drift" >&2 ;;
esac

port=${KP_DISCOVERY_PORT:-18091}
tmp=$(mktemp -d)
node ../../src/kubectl/generators/testdata/discoveryServer.mjs "$port" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
# The same names as kubeplay's default kubeconfig, so messages that quote them agree.
cat > "$tmp/kubeconfig" <<KUBECONFIG
apiVersion: v1
kind: Config
clusters: [{name: kubernetes, cluster: {server: "http://127.0.0.1:$port"}}]
contexts: [{name: kubernetes-admin@kubernetes, context: {cluster: kubernetes, user: kubernetes-admin}}]
users: [{name: kubernetes-admin, user: {}}]
current-context: kubernetes-admin@kubernetes
KUBECONFIG
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api" >/dev/null && break; sleep 0.1; done

normalise() { sed -E 's/^([EWI])[0-9]{4} [0-9:.]{15} +[0-9]+ /\10000 00:00:00.000000       0 /'; }

record() { # slug line
  local out=golden/$1.golden
  mkdir -p "$tmp/home"
  HOME="$tmp/home" KUBECONFIG="$tmp/kubeconfig" timeout 20 bash -c "$2" >"$tmp/out" 2>"$tmp/err" </dev/null
  local rc=$?
  # The recording's scratch HOME shows up in defaults (--cache-dir); kubeplay's HOME is /root.
  { echo "\$ $2"; echo "exit: $rc"; echo "--- stdout"; sed "s#$tmp/home#/root#g" "$tmp/out"; echo "--- stderr"; normalise <"$tmp/err" | sed "s#$tmp/home#/root#g"; } >"$out"
}

mkdir -p golden
[[ -z $only ]] && rm -f golden/*.golden
n=0
while IFS= read -r entry; do
  [[ -z $entry || $entry == \#* ]] && continue
  slug=${entry%% *}
  [[ -n $only && $slug != "$only"* ]] && continue
  record "$slug" "${entry#* }"
  n=$((n + 1))
done <cases.txt
echo "update.sh: recorded $n goldens"
