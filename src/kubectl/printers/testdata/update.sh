#!/usr/bin/env bash
# Regenerates the printer goldens from the real kubectl v1.32 (offline: --dry-run=client).
# For each case we save the object as kubectl's JSON (<case>.input.json) and what kubectl
# prints for each output format (<case>.<format>.golden); printers.golden.test.ts feeds the
# same input to our printers and requires identical bytes.
# Usage: src/kubectl/printers/testdata/update.sh   (needs kubectl on PATH)
set -euo pipefail
cd "$(dirname "$0")"
command -v kubectl >/dev/null || { echo "kubectl not found" >&2; exit 1; }

long_text=$(printf 'word %.0s' {1..40})end
printf 'first line\n  indented line\n\nafter blank\n' > /tmp/kp-golden-file.txt

declare -A CASES=(
  [deployment]="create deployment web --image=nginx --replicas=3 --port=80"
  [configmap]="create configmap settings --from-literal=a=b --from-literal=t=true --from-literal=n=80 --from-literal=star=* --from-literal=e= --from-literal=colon=a:_b --from-literal=q=it's --from-literal=ts=2024-01-01T00:00:00Z --from-literal=o=0755 --from-literal=f=1.5 --from-literal=d=- --from-literal=h=<a&b> --from-literal=base=1:20 --from-file=file.txt=/tmp/kp-golden-file.txt"
  [secret]="create secret generic db --from-literal=password=hunter2 --from-literal=user=admin"
  [service]="create service nodeport web --tcp=80:8080"
  [cronjob]="create cronjob tick --image=busybox --schedule=*/1_*_*_*_* -- echo hello"
  [job]="create job once --image=busybox -- sh -c echo_hi_&&_sleep_1"
)

for name in "${!CASES[@]}"; do
  # Underscores stand for spaces inside one argument.
  read -r -a argv <<< "${CASES[$name]}"
  head=() tail=() seen=0
  for a in "${argv[@]}"; do
    a=${a//_/ }
    if [[ $a == "--" ]]; then seen=1; fi
    if (( seen )); then tail+=("$a"); else head+=("$a"); fi
  done
  run() { kubectl "${head[@]}" --dry-run=client "$@" "${tail[@]}"; }
  run -o json > "$name.input.json"
  run -o yaml > "$name.yaml.golden"
  run -o json > "$name.json.golden"
  run -o name > "$name.name.golden"
done

# Long values fold at column 80 in yaml.v2.
kubectl create configmap long --from-literal=long="$long_text" --from-literal=msg="0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu." --dry-run=client -o json > long.input.json
kubectl create configmap long --from-literal=long="$long_text" --from-literal=msg="0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu." --dry-run=client -o yaml > long.yaml.golden

# jsonpath and custom-columns against the deployment.
dep=(create deployment web --image=nginx --replicas=3 --port=80 --dry-run=client)
kubectl "${dep[@]}" -o jsonpath='{.metadata.name}' > deployment.jsonpath-name.golden
kubectl "${dep[@]}" -o jsonpath='{.spec.template.spec.containers[*].image}{"\n"}' > deployment.jsonpath-images.golden
kubectl "${dep[@]}" -o jsonpath='{range .spec.template.spec.containers[*]}{.name}{"\t"}{.image}{"\n"}{end}' > deployment.jsonpath-range.golden
kubectl "${dep[@]}" -o jsonpath='{.spec.template.spec.containers[?(@.name=="nginx")].ports[0].containerPort}' > deployment.jsonpath-filter.golden
kubectl "${dep[@]}" -o jsonpath='{..image}' > deployment.jsonpath-recursive.golden
kubectl "${dep[@]}" -o jsonpath='{.metadata.labels}' > deployment.jsonpath-map.golden
kubectl "${dep[@]}" -o jsonpath-as-json='{.spec.template.spec.containers[*].name}' > deployment.jsonpath-as-json.golden
kubectl "${dep[@]}" -o jsonpath='{.metadata.foo}' > deployment.jsonpath-missing.golden
kubectl "${dep[@]}" -o jsonpath='{.metadata.foo}' --allow-missing-template-keys=false > /dev/null 2> deployment.jsonpath-missing-strict.golden || true
kubectl "${dep[@]}" -o jsonpath='{.metadata.name' > /dev/null 2> deployment.jsonpath-unclosed.golden || true
kubectl "${dep[@]}" -o go-template='{{.metadata.name}}{{"\n"}}{{range .spec.template.spec.containers}}{{.name}}={{.image}}{{"\n"}}{{end}}{{index .metadata.labels "app"}}{{if .spec.replicas}} has replicas{{end}}' > deployment.go-template.golden
kubectl "${dep[@]}" -o go-template='{{.metadata.foo}}' > deployment.go-template-missing.golden
kubectl "${dep[@]}" -o go-template='{{.metadata.name}} {{.metadata.foo}}' --allow-missing-template-keys=false > deployment.go-template-strict.golden 2> deployment.go-template-strict.stderr.golden || true
kubectl "${dep[@]}" -o foo > /dev/null 2> deployment.unknown-format.golden || true
echo "goldens updated in $(pwd)"
