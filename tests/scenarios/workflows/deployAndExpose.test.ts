/**
 * Workflow 1: a learner applies a Deployment and a Service from a here-doc, watches the rollout,
 * checks where the pods landed, looks at Endpoints/EndpointSlices, and reaches the Service by
 * ClusterIP from the node and by name from a busybox pod (cluster DNS + kube-proxy).
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../harness.ts';
import { transcript } from './transcript.ts';

describe('workflow: deploy, expose and reach a web app', () => {
  it('applies a Deployment + Service and reaches it by ClusterIP and by name', async () => {
    const s = await scenario();
    expect(
      await transcript(
        s,
        `kubectl apply -f - <<EOF2
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
EOF2
kubectl get deploy,rs,pods
kubectl rollout status deployment/web
kubectl get pods -o wide
kubectl get deploy web
kubectl get svc web
kubectl get endpoints web
kubectl get endpointslices -l kubernetes.io/service-name=web
kubectl describe svc web
curl -s http://$(kubectl get svc web -o jsonpath='{.spec.clusterIP}') | grep '<title>'
kubectl run client --image=busybox:1.36 --rm -i --restart=Never -- wget -qO- http://web | grep '<h1>'
kubectl run tester --image=busybox:1.36 --restart=Never -- sleep 3600
kubectl wait --for=condition=Ready pod/tester
kubectl exec tester -- nslookup web
kubectl exec tester -- wget -qO- http://web.default.svc.cluster.local | head -4
kubectl get pods`,
      ),
    ).toBe(`$ kubectl apply -f - <<EOF2
deployment.apps/web created
service/web created
$ kubectl get deploy,rs,pods
NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/web   0/3     3            0           0s

NAME                            DESIRED   CURRENT   READY   AGE
replicaset.apps/web-5d56bb9df   3         3         0       0s

NAME                      READY   STATUS              RESTARTS   AGE
pod/web-5d56bb9df-2nts9   0/1     ContainerCreating   0          0s
pod/web-5d56bb9df-84g68   0/1     ContainerCreating   0          0s
pod/web-5d56bb9df-wmww9   0/1     ContainerCreating   0          0s
$ kubectl rollout status deployment/web
Waiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...
Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...
Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...
deployment "web" successfully rolled out
$ kubectl get pods -o wide
NAME                  READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
web-5d56bb9df-2nts9   1/1     Running   0          5s    10.244.1.5   node01   <none>           <none>
web-5d56bb9df-84g68   1/1     Running   0          5s    10.244.2.4   node02   <none>           <none>
web-5d56bb9df-wmww9   1/1     Running   0          5s    10.244.1.4   node01   <none>           <none>
$ kubectl get deploy web
NAME   READY   UP-TO-DATE   AVAILABLE   AGE
web    3/3     3            3           5s
$ kubectl get svc web
NAME   TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE
web    ClusterIP   10.111.74.73   <none>        80/TCP    5s
$ kubectl get endpoints web
NAME   ENDPOINTS                                   AGE
web    10.244.1.4:80,10.244.1.5:80,10.244.2.4:80   5s
$ kubectl get endpointslices -l kubernetes.io/service-name=web
NAME        ADDRESSTYPE   PORTS   ENDPOINTS                          AGE
web-whwmf   IPv4          80      10.244.1.5,10.244.2.4,10.244.1.4   4s
$ kubectl describe svc web
Name:                     web
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=web
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.111.74.73
IPs:                      10.111.74.73
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
Endpoints:                10.244.1.5:80,10.244.2.4:80,10.244.1.4:80
Session Affinity:         None
Internal Traffic Policy:  Cluster
Events:                   <none>
$ curl -s http://$(kubectl get svc web -o jsonpath='{.spec.clusterIP}') | grep '<title>'
<title>Welcome to nginx!</title>
$ kubectl run client --image=busybox:1.36 --rm -i --restart=Never -- wget -qO- http://web | grep '<h1>'
<h1>Welcome to nginx!</h1>
$ kubectl run tester --image=busybox:1.36 --restart=Never -- sleep 3600
pod/tester created
$ kubectl wait --for=condition=Ready pod/tester
pod/tester condition met
$ kubectl exec tester -- nslookup web
Server:		10.96.0.10
Address:	10.96.0.10:53

Name:	web.default.svc.cluster.local
Address: 10.111.74.73

$ kubectl exec tester -- wget -qO- http://web.default.svc.cluster.local | head -4
<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
$ kubectl get pods
NAME                  READY   STATUS    RESTARTS   AGE
tester                1/1     Running   0          1s
web-5d56bb9df-2nts9   1/1     Running   0          9s
web-5d56bb9df-84g68   1/1     Running   0          9s
web-5d56bb9df-wmww9   1/1     Running   0          9s
`);
  });
});
