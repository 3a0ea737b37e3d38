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
rm -rf "$cache"
echo "table goldens updated in $(pwd)"
