#!/usr/bin/env bash
# Regenerates the table-printer goldens: the real kubectl v1.32 against server.mjs, which
# serves the Tables in this folder. Each golden is named after the kubectl arguments.
set -euo pipefail
cd "$(dirname "$0")"
PORT=18089
node server.mjs "$PORT" & server=$!
trap 'kill "$server"' EXIT
sleep 0.5
cache=$(mktemp -d)
k() { kubectl --server="http://127.0.0.1:$PORT" --cache-dir="$cache" "$@"; }
k get pods > get-pods.golden
k get pods -o wide > get-pods-wide.golden
k get pods -A > get-pods-A.golden
k get pods --show-labels > get-pods-show-labels.golden
k get pods -L app -L app.kubernetes.io/name > get-pods-L.golden
k get pods --no-headers > get-pods-no-headers.golden
k get pods,svc > get-pods-svc.golden
k get deploy,svc -o wide > get-deploy-svc-wide.golden
k get pods,svc --no-headers > get-pods-svc-no-headers.golden
k get svc --show-kind > get-svc-show-kind.golden
k get pods -o yaml > get-pods-o-yaml.golden
k get pods -o json > get-pods-o-json.golden
k get pods -o name > get-pods-o-name.golden
k get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.status.podIP}{"\n"}{end}' > get-pods-o-jsonpath.golden
k get pods -o custom-columns='NAME:.metadata.name,IMAGE:.spec.containers[*].image,LABELS:.metadata.labels,MISSING:.status.nope' > get-pods-o-custom-columns.golden
k get pods -o custom-columns='NAME:.metadata.name,NODE:.spec.nodeName' --no-headers > get-pods-o-custom-columns-no-headers.golden
k get pods -o go-template='{{range .items}}{{.metadata.name}} {{.spec.terminationGracePeriodSeconds}}{{"\n"}}{{end}}' > get-pods-o-go-template.golden
rm -rf "$cache"
echo "table goldens updated in $(pwd)"
