/**
 * Workflow 10: mistakes a learner makes, each answered with the real error text, and a final
 * `kubectl get` proving nothing changed: invalid names (create and run), an unknown field (strict
 * field validation), a wrong type, a YAML syntax error, a selector that does not match the
 * template, an apply that changes an immutable Deployment selector, an out-of-range port, a
 * duplicate name, an unknown namespace, a negative replica count.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../harness.ts';
import { transcript } from './transcript.ts';

describe('workflow: bad input leaves the cluster untouched', () => {
  it('rejects invalid requests with the real messages and changes nothing', async () => {
    const s = await scenario();
    expect(
      await transcript(
        s,
        `kubectl create deployment web --image=nginx:1.25
kubectl create deployment Web_1 --image=nginx
kubectl run BAD --image=nginx
kubectl apply -f - <<EOF2
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web2
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web2
  template:
    metadata:
      labels:
        app: web2
    spec:
      containers:
      - name: nginx
        image: nginx
        bogus: true
EOF2
kubectl apply -f - <<EOF2
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web3
spec:
  replicas: "three"
  selector:
    matchLabels:
      app: web3
  template:
    metadata:
      labels:
        app: web3
    spec:
      containers:
      - name: nginx
        image: nginx
EOF2
kubectl apply -f - <<EOF2
apiVersion: v1
kind: Pod
metadata:
  name: p
 spec:
  containers:
  - name: c
EOF2
kubectl apply -f - <<EOF2
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web4
spec:
  selector:
    matchLabels:
      app: web4
  template:
    metadata:
      labels:
        app: other
    spec:
      containers:
      - name: nginx
        image: nginx
EOF2
kubectl apply -f - <<EOF2
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: changed
  template:
    metadata:
      labels:
        app: changed
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
EOF2
kubectl create deployment web --image=nginx
kubectl create deployment x --image=nginx -n nosuch
kubectl get deploy
kubectl get pods
kubectl get deploy web -o jsonpath='{.spec.selector.matchLabels}{"\\n"}'
kubectl get rs
kubectl apply -f - <<EOF2
apiVersion: v1
kind: Pod
metadata:
  name: p1
spec:
  containers:
  - name: c
    image: nginx
    ports:
    - containerPort: 99999
EOF2
kubectl create -f - <<EOF2
apiVersion: v1
kind: Namespace
metadata:
  name: default
EOF2
kubectl scale deployment web --replicas=-1
kubectl get pods`,
      ),
    ).toBe(`$ kubectl create deployment web --image=nginx:1.25
deployment.apps/web created
$ kubectl create deployment Web_1 --image=nginx
error: failed to create deployment: Deployment.apps "Web_1" is invalid: metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
$ kubectl run BAD --image=nginx
The Pod "BAD" is invalid: 
* metadata.name: Invalid value: "BAD": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
* spec.containers[0].name: Invalid value: "BAD": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
$ kubectl apply -f - <<EOF2
Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].bogus"
$ kubectl apply -f - <<EOF2
Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32
$ kubectl apply -f - <<EOF2
error: error parsing STDIN: error converting YAML to JSON: yaml: line 4: did not find expected key
$ kubectl apply -f - <<EOF2
The Deployment "web4" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: \`selector\` does not match template \`labels\`
$ kubectl apply -f - <<EOF2
Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.
The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"changed"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable
$ kubectl create deployment web --image=nginx
error: failed to create deployment: deployments.apps "web" already exists
$ kubectl create deployment x --image=nginx -n nosuch
error: failed to create deployment: namespaces "nosuch" not found
$ kubectl get deploy
NAME   READY   UP-TO-DATE   AVAILABLE   AGE
web    0/1     1            0           0s
$ kubectl get pods
NAME                   READY   STATUS              RESTARTS   AGE
web-7d4bcbbf5b-bjxwm   0/1     ContainerCreating   0          0s
$ kubectl get deploy web -o jsonpath='{.spec.selector.matchLabels}{"\\n"}'
{"app":"web"}
$ kubectl get rs
NAME             DESIRED   CURRENT   READY   AGE
web-7d4bcbbf5b   1         1         0       0s
$ kubectl apply -f - <<EOF2
The Pod "p1" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 99999: must be between 1 and 65535, inclusive
$ kubectl create -f - <<EOF2
Error from server (AlreadyExists): error when creating "STDIN": namespaces "default" already exists
$ kubectl scale deployment web --replicas=-1
error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0
$ kubectl get pods
NAME                   READY   STATUS              RESTARTS   AGE
web-7d4bcbbf5b-bjxwm   0/1     ContainerCreating   0          0s
`);
  });
});
