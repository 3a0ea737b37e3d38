/**
 * Workflow: RBAC, the classic lesson. A Role and RoleBinding let user jane read pods in one
 * namespace; `auth can-i` answers yes/no through SelfSubjectAccessReviews; requests made
 * `--as jane` succeed there and are Forbidden elsewhere in kube-apiserver's words; a
 * ClusterRole labeled `aggregate-to-view` is folded into `view` by the aggregation controller.
 * Then a ServiceAccount bound to `edit` and used through a token, and bad input: Invalid
 * roles and bindings leave the cluster unchanged, a binding to a missing role explains itself.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../harness.ts';
import { transcript } from './transcript.ts';

describe('workflow: RBAC', () => {
  it('grants jane pod reading in one namespace, and view aggregates new rules', async () => {
    const s = await scenario();
    expect(
      await transcript(
        s,
        `kubectl create namespace dev
kubectl create role pod-reader --verb=get,list,watch --resource=pods -n dev
kubectl create rolebinding jane-pod-reader --role=pod-reader --user=jane -n dev
kubectl get roles,rolebindings -n dev -o wide
kubectl describe role pod-reader -n dev
kubectl auth can-i list pods -n dev --as jane
kubectl auth can-i list pods --as jane
kubectl auth can-i delete pods -n dev --as jane
kubectl run web --image=nginx -n dev
kubectl get pods -n dev --as jane -o name
kubectl get pods --as jane
kubectl get pods -A --as jane
kubectl delete pod web -n dev --as jane
kubectl logs web -n dev --as jane
kubectl auth whoami --as jane
kubectl auth can-i create cronjobs -n dev --as jane
kubectl create clusterrole cronjob-maker --verb=create --resource=cronjobs
kubectl label clusterrole cronjob-maker rbac.authorization.k8s.io/aggregate-to-view=true
kubectl create rolebinding jane-view --clusterrole=view --user=jane -n dev
kubectl auth can-i create cronjobs -n dev --as jane
kubectl describe clusterrole view | grep cronjobs`,
      ),
    ).toMatchInlineSnapshot(`
      "$ kubectl create namespace dev
      namespace/dev created
      $ kubectl create role pod-reader --verb=get,list,watch --resource=pods -n dev
      role.rbac.authorization.k8s.io/pod-reader created
      $ kubectl create rolebinding jane-pod-reader --role=pod-reader --user=jane -n dev
      rolebinding.rbac.authorization.k8s.io/jane-pod-reader created
      $ kubectl get roles,rolebindings -n dev -o wide
      NAME                                        CREATED AT
      role.rbac.authorization.k8s.io/pod-reader   2026-01-15T09:10:00Z

      NAME                                                    ROLE              AGE   USERS   GROUPS   SERVICEACCOUNTS
      rolebinding.rbac.authorization.k8s.io/jane-pod-reader   Role/pod-reader   0s    jane             
      $ kubectl describe role pod-reader -n dev
      Name:         pod-reader
      Labels:       <none>
      Annotations:  <none>
      PolicyRule:
        Resources  Non-Resource URLs  Resource Names  Verbs
        ---------  -----------------  --------------  -----
        pods       []                 []              [get list watch]
      $ kubectl auth can-i list pods -n dev --as jane
      yes
      $ kubectl auth can-i list pods --as jane
      no
      $ kubectl auth can-i delete pods -n dev --as jane
      no
      $ kubectl run web --image=nginx -n dev
      pod/web created
      $ kubectl get pods -n dev --as jane -o name
      pod/web
      $ kubectl get pods --as jane
      Error from server (Forbidden): pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"
      $ kubectl get pods -A --as jane
      Error from server (Forbidden): pods is forbidden: User "jane" cannot list resource "pods" in API group "" at the cluster scope
      $ kubectl delete pod web -n dev --as jane
      Error from server (Forbidden): pods "web" is forbidden: User "jane" cannot delete resource "pods" in API group "" in the namespace "dev"
      $ kubectl logs web -n dev --as jane
      Error from server (Forbidden): pods "web" is forbidden: User "jane" cannot get resource "pods/log" in API group "" in the namespace "dev"
      $ kubectl auth whoami --as jane
      ATTRIBUTE   VALUE
      Username    jane
      Groups      [system:authenticated]
      $ kubectl auth can-i create cronjobs -n dev --as jane
      no
      $ kubectl create clusterrole cronjob-maker --verb=create --resource=cronjobs
      clusterrole.rbac.authorization.k8s.io/cronjob-maker created
      $ kubectl label clusterrole cronjob-maker rbac.authorization.k8s.io/aggregate-to-view=true
      clusterrole.rbac.authorization.k8s.io/cronjob-maker labeled
      $ kubectl create rolebinding jane-view --clusterrole=view --user=jane -n dev
      rolebinding.rbac.authorization.k8s.io/jane-view created
      $ kubectl auth can-i create cronjobs -n dev --as jane
      yes
      $ kubectl describe clusterrole view | grep cronjobs
        cronjobs.batch                               []                 []              [create get list watch]
        cronjobs.batch/status                        []                 []              [get list watch]
      "
    `);
    expect((await s.run('kubectl auth can-i list pods --as jane')).status).toBe(1);
  });

  it('runs a ServiceAccount bound to edit, as itself and through a token', async () => {
    const s = await scenario();
    expect(
      await transcript(
        s,
        `kubectl create serviceaccount builder
kubectl get pods --as system:serviceaccount:default:builder
kubectl create rolebinding builder-edit --clusterrole=edit --serviceaccount=default:builder
kubectl auth can-i create deployments --as system:serviceaccount:default:builder
kubectl auth can-i create roles --as system:serviceaccount:default:builder
kubectl create token builder --duration=5m
TOKEN=$(kubectl create token builder)
echo $TOKEN | cut -d. -f2 | base64 -d 2>/dev/null | grep -o '"sub":"[^"]*"'
kubectl --token=$TOKEN auth whoami | head -2
kubectl --token=$TOKEN get pods
kubectl --token=$TOKEN get nodes
kubectl --token=not.a.token get pods`,
      ),
    ).toMatchInlineSnapshot(`
      "$ kubectl create serviceaccount builder
      serviceaccount/builder created
      $ kubectl get pods --as system:serviceaccount:default:builder
      Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:default:builder" cannot list resource "pods" in API group "" in the namespace "default"
      $ kubectl create rolebinding builder-edit --clusterrole=edit --serviceaccount=default:builder
      rolebinding.rbac.authorization.k8s.io/builder-edit created
      $ kubectl auth can-i create deployments --as system:serviceaccount:default:builder
      yes
      $ kubectl auth can-i create roles --as system:serviceaccount:default:builder
      no
      $ kubectl create token builder --duration=5m
      error: failed to create token: TokenRequest.authentication.k8s.io "builder" is invalid: spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes
      $ TOKEN=$(kubectl create token builder)
      $ echo $TOKEN | cut -d. -f2 | base64 -d 2>/dev/null | grep -o '"sub":"[^"]*"'
      "sub":"system:serviceaccount:default:builder"
      $ kubectl --token=$TOKEN auth whoami | head -2
      ATTRIBUTE                                           VALUE
      Username                                            system:serviceaccount:default:builder
      $ kubectl --token=$TOKEN get pods
      No resources found in default namespace.
      $ kubectl --token=$TOKEN get nodes
      Error from server (Forbidden): nodes is forbidden: User "system:serviceaccount:default:builder" cannot list resource "nodes" in API group "" at the cluster scope
      $ kubectl --token=not.a.token get pods
      error: You must be logged in to the server (Unauthorized)
      "
    `);
  });

  it('refuses bad roles and bindings and explains a binding to a missing role', async () => {
    const s = await scenario();
    expect(
      await transcript(
        s,
        `kubectl create role empty --verb=get --resource=pods --dry-run=client -o yaml | sed 's/- get//' > r.yaml
kubectl create -f r.yaml
kubectl create rolebinding rb --role=pod-reader --user=jane
kubectl patch rolebinding rb --type=merge -p '{"roleRef":{"name":"other"}}'
kubectl get rolebinding rb -o jsonpath='{.roleRef.name}'
kubectl auth can-i list pods --as jane
kubectl get pods --as jane
kubectl auth can-i get pods --as jane --as-group=system:masters
kubectl get roles`,
      ),
    ).toMatchInlineSnapshot(`
      "$ kubectl create role empty --verb=get --resource=pods --dry-run=client -o yaml | sed 's/- get//' > r.yaml
      $ kubectl create -f r.yaml
      The Role "empty" is invalid: rules[0].verbs: Required value: verbs must contain at least one value
      $ kubectl create rolebinding rb --role=pod-reader --user=jane
      rolebinding.rbac.authorization.k8s.io/rb created
      $ kubectl patch rolebinding rb --type=merge -p '{"roleRef":{"name":"other"}}'
      The RoleBinding "rb" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"Role", Name:"other"}: cannot change roleRef
      $ kubectl get rolebinding rb -o jsonpath='{.roleRef.name}'
      pod-reader$ kubectl auth can-i list pods --as jane
      no - RBAC: role.rbac.authorization.k8s.io "pod-reader" not found
      $ kubectl get pods --as jane
      Error from server (Forbidden): pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default": RBAC: role.rbac.authorization.k8s.io "pod-reader" not found
      $ kubectl auth can-i get pods --as jane --as-group=system:masters
      yes
      $ kubectl get roles
      No resources found in default namespace.
      "
    `);
  });
  it('stops a namespace admin from granting what they do not hold (escalation prevention)', async () => {
    const s = await scenario();
    expect(
      await transcript(
        s,
        `kubectl create namespace dev
kubectl create rolebinding ann-admin --clusterrole=admin --user=ann -n dev
kubectl create role pod-killer --verb=delete --resource=pods -n dev --as ann
kubectl create role node-reader --verb=get --resource=nodes,pods/log -n dev --as ann
kubectl create rolebinding bob-view --clusterrole=view --user=bob -n dev --as ann
kubectl create rolebinding bob-ca --clusterrole=cluster-admin --user=bob -n dev --as ann
kubectl get roles,rolebindings -n dev -o name`,
      ),
    ).toMatchInlineSnapshot(`
      "$ kubectl create namespace dev
      namespace/dev created
      $ kubectl create rolebinding ann-admin --clusterrole=admin --user=ann -n dev
      rolebinding.rbac.authorization.k8s.io/ann-admin created
      $ kubectl create role pod-killer --verb=delete --resource=pods -n dev --as ann
      role.rbac.authorization.k8s.io/pod-killer created
      $ kubectl create role node-reader --verb=get --resource=nodes,pods/log -n dev --as ann
      Error from server (Forbidden): roles.rbac.authorization.k8s.io "node-reader" is forbidden: user "ann" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:
      {APIGroups:[""], Resources:["nodes"], Verbs:["get"]}
      $ kubectl create rolebinding bob-view --clusterrole=view --user=bob -n dev --as ann
      rolebinding.rbac.authorization.k8s.io/bob-view created
      $ kubectl create rolebinding bob-ca --clusterrole=cluster-admin --user=bob -n dev --as ann
      error: failed to create rolebinding: rolebindings.rbac.authorization.k8s.io "bob-ca" is forbidden: user "ann" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:
      {APIGroups:["*"], Resources:["*"], Verbs:["*"]}
      {NonResourceURLs:["*"], Verbs:["*"]}
      $ kubectl get roles,rolebindings -n dev -o name
      role.rbac.authorization.k8s.io/pod-killer
      rolebinding.rbac.authorization.k8s.io/ann-admin
      rolebinding.rbac.authorization.k8s.io/bob-view
      "
    `);
  });
  it('reconciles roles and bindings from a file (auth reconcile)', async () => {
    const s = await scenario();
    expect(
      await transcript(
        s,
        `cat > rbac.yaml <<EOT
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: pod-reader
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: read-pods
subjects:
- kind: User
  name: jane
  apiGroup: rbac.authorization.k8s.io
roleRef:
  kind: Role
  name: pod-reader
  apiGroup: rbac.authorization.k8s.io
EOT
kubectl auth reconcile -f rbac.yaml
kubectl auth reconcile -f rbac.yaml
sed -i 's/"get", "list"/"get", "list", "watch"/' rbac.yaml
kubectl auth reconcile -f rbac.yaml
kubectl auth can-i watch pods --as jane
kubectl auth reconcile`,
      ),
    ).toMatchInlineSnapshot(`
      "$ cat > rbac.yaml <<EOT
      $ kubectl auth reconcile -f rbac.yaml
      role.rbac.authorization.k8s.io/pod-reader reconciled
      	reconciliation required create
      rolebinding.rbac.authorization.k8s.io/read-pods reconciled
      	reconciliation required create
      $ kubectl auth reconcile -f rbac.yaml
      role.rbac.authorization.k8s.io/pod-reader reconciled
      rolebinding.rbac.authorization.k8s.io/read-pods reconciled
      $ sed -i 's/"get", "list"/"get", "list", "watch"/' rbac.yaml
      $ kubectl auth reconcile -f rbac.yaml
      role.rbac.authorization.k8s.io/pod-reader reconciled
      	reconciliation required update
      	missing rules added:
      		{Verbs:[watch] APIGroups:[] Resources:[pods] ResourceNames:[] NonResourceURLs:[]}
      rolebinding.rbac.authorization.k8s.io/read-pods reconciled
      $ kubectl auth can-i watch pods --as jane
      yes
      $ kubectl auth reconcile
      error: must specify one of -f and -k
      "
    `);
  });
  it('uses a service account token from the kubeconfig until it expires', async () => {
    const s = await scenario();
    expect(
      await transcript(
        s,
        `kubectl create sa bot
kubectl config set-credentials bot --token=$(kubectl create token bot --duration=10m)
kubectl config set-context bot --cluster=kubernetes --user=bot
kubectl config view -o jsonpath='{.users[?(@.name=="bot")].user.token}'
kubectl --context=bot auth whoami | head -2
kubectl --context=bot get pods
sleep 601
kubectl --context=bot get pods
kubectl config delete-user bot
kubectl config delete-user bot`,
      ),
    ).toMatchInlineSnapshot(`
      "$ kubectl create sa bot
      serviceaccount/bot created
      $ kubectl config set-credentials bot --token=$(kubectl create token bot --duration=10m)
      User "bot" set.
      $ kubectl config set-context bot --cluster=kubernetes --user=bot
      Context "bot" created.
      $ kubectl config view -o jsonpath='{.users[?(@.name=="bot")].user.token}'
      REDACTED$ kubectl --context=bot auth whoami | head -2
      ATTRIBUTE                                           VALUE
      Username                                            system:serviceaccount:default:bot
      $ kubectl --context=bot get pods
      Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:default:bot" cannot list resource "pods" in API group "" in the namespace "default"
      $ sleep 601
      $ kubectl --context=bot get pods
      error: You must be logged in to the server (Unauthorized)
      $ kubectl config delete-user bot
      deleted user bot from /root/.kube/config
      $ kubectl config delete-user bot
      error: cannot delete user bot, not in /root/.kube/config
      "
    `);
  });
});
