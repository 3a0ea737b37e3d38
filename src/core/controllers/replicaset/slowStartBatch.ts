/**
 * slowStartBatch (pkg/controller/replicaset/replica_set.go), shared by the ReplicaSet and Job
 * controllers.
 */

/**
 * slowStartBatch is upstream's slowStartBatch: run `fn` count times in batches of 1, 2,
 * 4, ... stopping at the first batch with an error, so a quota or admission refusal
 * costs one failed call rather than hundreds. Returns successes and the first error.
 */
export function slowStartBatch(count: number, initialBatchSize: number, fn: () => void): { successes: number; error?: Error } {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let firstError: Error | undefined;
    for (let i = 0; i < batch; i++) {
      try {
        fn();
        successes++;
      } catch (err) {
        firstError ??= err as Error;
      }
    }
    if (firstError) return { successes, error: firstError };
    remaining -= batch;
  }
  return { successes };
}
