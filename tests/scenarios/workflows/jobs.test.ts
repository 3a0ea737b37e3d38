/**
 * Workflow: batch Jobs and CronJobs as a learner meets them. The docs' pi Job runs to
 * completion (perl image, `kubectl wait`, `logs job/pi`, cascading delete); a failing Job is
 * retried with exponential back-off until backoffLimit and ends with FailureTarget then Failed;
 * a CronJob fires on the virtual clock, reports completed Jobs and prunes its history; bad
 * manifests and schedules are refused with the API server's messages.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../harness.ts';
import { transcript } from './transcript.ts';

/**
 * podNames masks the random suffix of pod names (`pi-x7k2q` → `pi-xxxxx`): the suffixes come
 * from the cluster's seeded random stream, which every component added to the bootstrap shifts.
 */
function podNames(text: string): string {
  return text.replace(/\b((?:pi|fail|hello-\d+)-)[bcdfghjklmnpqrstvwxz2456789]{5}\b/g, '$1xxxxx');
}

describe('workflow: jobs and cronjobs', () => {
  // The pi example from the Jobs concept page: the pod goes Completed, the Job gets SuccessCriteriaMet then Complete.
  it("runs the docs' pi Job to completion, then deletes it with its pod", async () => {
    const s = await scenario();
    expect(
      podNames(await transcript(
        s,
        `cat > pi.yaml <<YAML
apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl",  "-Mbignum=bpi", "-wle", "print bpi(2000)"]
      restartPolicy: Never
  backoffLimit: 4
YAML
kubectl apply -f pi.yaml
kubectl get jobs
kubectl wait --for=condition=complete job/pi --timeout=300s
kubectl get jobs
kubectl get pods
kubectl logs job/pi | cut -c1-40
kubectl get job pi -o jsonpath='{.status.conditions[*].type}{"\\n"}'
kubectl get job pi -o jsonpath='{.status.succeeded} {.status.ready} {.status.terminating} {.status.uncountedTerminatedPods}{"\\n"}'
kubectl describe job pi | sed -n '/^Events/,$p'
kubectl delete job pi
kubectl get pods`,
      )),
    ).toBe(`$ cat > pi.yaml <<YAML
$ kubectl apply -f pi.yaml
job.batch/pi created
$ kubectl get jobs
NAME   STATUS    COMPLETIONS   DURATION   AGE
pi     Running   0/1           0s         0s
$ kubectl wait --for=condition=complete job/pi --timeout=300s
job.batch/pi condition met
$ kubectl get jobs
NAME   STATUS     COMPLETIONS   DURATION   AGE
pi     Complete   1/1           12s        13s
$ kubectl get pods
NAME       READY   STATUS      RESTARTS   AGE
pi-xxxxx   0/1     Completed   0          13s
$ kubectl logs job/pi | cut -c1-40
3.14159265358979323846264338327950288419
$ kubectl get job pi -o jsonpath='{.status.conditions[*].type}{"\\n"}'
SuccessCriteriaMet Complete
$ kubectl get job pi -o jsonpath='{.status.succeeded} {.status.ready} {.status.terminating} {.status.uncountedTerminatedPods}{"\\n"}'
1 0 0 {}
$ kubectl describe job pi | sed -n '/^Events/,$p'
Events:
  Type    Reason            Age   From            Message
  ----    ------            ----  ----            -------
  Normal  SuccessfulCreate  13s   job-controller  Created pod: pi-xxxxx
  Normal  Completed         1s    job-controller  Job completed
$ kubectl delete job pi
job.batch "pi" deleted
$ kubectl get pods
No resources found in default namespace.
`);
  });

  // Each failed pod is replaced after the back-off; the third failure passes backoffLimit 2.
  it("fails a Job after backoffLimit retries, 10 s then 20 s apart", async () => {
    const s = await scenario();
    expect(
      podNames(await transcript(
        s,
        `kubectl create job fail --image=busybox -- sh -c 'echo working; exit 2'
kubectl patch job fail --type=merge -p '{"spec":{"backoffLimit":2}}'
sleep 5
kubectl get job fail
sleep 60
kubectl get job fail
kubectl get pods --sort-by=.metadata.creationTimestamp
kubectl describe job fail | grep -E '^(Backoff Limit|Pods Statuses)'
kubectl describe job fail | sed -n '/^Events/,$p'
kubectl get job fail -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\\n"}{end}'
kubectl delete job fail
kubectl get pods`,
      )),
    ).toBe(`$ kubectl create job fail --image=busybox -- sh -c 'echo working; exit 2'
job.batch/fail created
$ kubectl patch job fail --type=merge -p '{"spec":{"backoffLimit":2}}'
job.batch/fail patched
$ sleep 5
$ kubectl get job fail
NAME   STATUS    COMPLETIONS   DURATION   AGE
fail   Running   0/1           5s         5s
$ sleep 60
$ kubectl get job fail
NAME   STATUS   COMPLETIONS   DURATION   AGE
fail   Failed   0/1           65s        65s
$ kubectl get pods --sort-by=.metadata.creationTimestamp
NAME         READY   STATUS   RESTARTS   AGE
fail-xxxxx   0/1     Error    0          65s
fail-xxxxx   0/1     Error    0          54s
fail-xxxxx   0/1     Error    0          33s
$ kubectl describe job fail | grep -E '^(Backoff Limit|Pods Statuses)'
Backoff Limit:    2
Pods Statuses:    0 Active (0 Ready) / 0 Succeeded / 3 Failed
$ kubectl describe job fail | sed -n '/^Events/,$p'
Events:
  Type     Reason                Age   From            Message
  ----     ------                ----  ----            -------
  Normal   SuccessfulCreate      65s   job-controller  Created pod: fail-xxxxx
  Normal   SuccessfulCreate      54s   job-controller  Created pod: fail-xxxxx
  Normal   SuccessfulCreate      33s   job-controller  Created pod: fail-xxxxx
  Warning  BackoffLimitExceeded  32s   job-controller  Job has reached the specified backoff limit
$ kubectl get job fail -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\\n"}{end}'
FailureTarget=True BackoffLimitExceeded: Job has reached the specified backoff limit
Failed=True BackoffLimitExceeded: Job has reached the specified backoff limit
$ kubectl delete job fail
job.batch "fail" deleted
$ kubectl get pods
No resources found in default namespace.
`);
  });

  // Jobs are named after the scheduled minute since the epoch; the history limit deletes the oldest.
  it("fires a CronJob every minute, keeps one successful Job, and instantiates one by hand", async () => {
    const s = await scenario();
    expect(
      podNames(await transcript(
        s,
        `kubectl create cronjob hello --image=busybox --schedule='*/1 * * * *' -- sh -c 'echo Hello from the Kubernetes cluster'
kubectl patch cronjob hello --type=merge -p '{"spec":{"successfulJobsHistoryLimit":1}}'
sleep 120
kubectl get cronjob hello
kubectl get jobs
sleep 60
kubectl get jobs
kubectl get pods
kubectl describe cronjob hello | sed -n '/^Last Schedule Time/,$p'
kubectl get jobs -o jsonpath='{.items[0].metadata.annotations}{"\\n"}'
kubectl create job manual --from=cronjob/hello
kubectl get job manual -o jsonpath='{.metadata.annotations}{"\\n"}'`,
      )),
    ).toBe(`$ kubectl create cronjob hello --image=busybox --schedule='*/1 * * * *' -- sh -c 'echo Hello from the Kubernetes cluster'
cronjob.batch/hello created
$ kubectl patch cronjob hello --type=merge -p '{"spec":{"successfulJobsHistoryLimit":1}}'
cronjob.batch/hello patched
$ sleep 120
$ kubectl get cronjob hello
NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
hello   */1 * * * *   <none>     False     0        60s             2m
$ kubectl get jobs
NAME             STATUS     COMPLETIONS   DURATION   AGE
hello-29474471   Complete   1/1           1s         60s
$ sleep 60
$ kubectl get jobs
NAME             STATUS     COMPLETIONS   DURATION   AGE
hello-29474472   Complete   1/1           1s         60s
$ kubectl get pods
NAME                   READY   STATUS      RESTARTS   AGE
hello-29474472-xxxxx   0/1     Completed   0          60s
$ kubectl describe cronjob hello | sed -n '/^Last Schedule Time/,$p'
Last Schedule Time:  Thu, 15 Jan 2026 09:12:00 +0000
Active Jobs:         <none>
Events:
  Type    Reason            Age   From                Message
  ----    ------            ----  ----                -------
  Normal  SuccessfulCreate  2m    cronjob-controller  Created job hello-29474471
  Normal  SawCompletedJob   119s  cronjob-controller  Saw completed job: hello-29474471, condition: Complete
  Normal  SuccessfulCreate  60s   cronjob-controller  Created job hello-29474472
  Normal  SawCompletedJob   59s   cronjob-controller  Saw completed job: hello-29474472, condition: Complete
  Normal  SuccessfulDelete  59s   cronjob-controller  Deleted job hello-29474471
$ kubectl get jobs -o jsonpath='{.items[0].metadata.annotations}{"\\n"}'
{"batch.kubernetes.io/cronjob-scheduled-timestamp":"2026-01-15T09:12:00Z"}
$ kubectl create job manual --from=cronjob/hello
job.batch/manual created
$ kubectl get job manual -o jsonpath='{.metadata.annotations}{"\\n"}'
{"cronjob.kubernetes.io/instantiate":"manual"}
`);
  });

  // restartPolicy defaults to Always, which a Job refuses; robfig/cron's parse errors are returned verbatim.
  it("refuses bad Jobs and CronJobs in Kubernetes' words and leaves the cluster unchanged", async () => {
    const s = await scenario();
    expect(
      podNames(await transcript(
        s,
        `cat > always.yaml <<YAML
apiVersion: batch/v1
kind: Job
metadata:
  name: always
spec:
  template:
    spec:
      containers:
      - name: c
        image: busybox
YAML
kubectl apply -f always.yaml
kubectl create cronjob bad --image=busybox --schedule='bad'
kubectl create cronjob bad --image=busybox --schedule='61 * * * *'
kubectl create cronjob bad --image=busybox --schedule='* * * * *' --restart=Always
kubectl create job j --from=cronjob/nope
kubectl create job j --image=busybox -- sleep 100
kubectl patch job j --type=merge -p '{"spec":{"completions":3}}'
kubectl patch job j --type=merge -p '{"spec":{"parallelism":-1}}'
kubectl get jobs,cronjobs`,
      )),
    ).toBe(`$ cat > always.yaml <<YAML
$ kubectl apply -f always.yaml
The Job "always" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"
$ kubectl create cronjob bad --image=busybox --schedule='bad'
error: failed to create cronjob: CronJob.batch "bad" is invalid: spec.schedule: Invalid value: "bad": expected exactly 5 fields, found 1: [bad]
$ kubectl create cronjob bad --image=busybox --schedule='61 * * * *'
error: failed to create cronjob: CronJob.batch "bad" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61
$ kubectl create cronjob bad --image=busybox --schedule='* * * * *' --restart=Always
error: failed to create cronjob: CronJob.batch "bad" is invalid: spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"
$ kubectl create job j --from=cronjob/nope
Error from server (NotFound): cronjobs.batch "nope" not found
$ kubectl create job j --image=busybox -- sleep 100
job.batch/j created
$ kubectl patch job j --type=merge -p '{"spec":{"completions":3}}'
The Job "j" is invalid: spec.completions: Invalid value: 3: field is immutable
$ kubectl patch job j --type=merge -p '{"spec":{"parallelism":-1}}'
The Job "j" is invalid: spec.parallelism: Invalid value: -1: must be greater than or equal to 0
$ kubectl get jobs,cronjobs
NAME          STATUS    COMPLETIONS   DURATION   AGE
job.batch/j   Running   0/1           0s         0s
`);
  });
});
