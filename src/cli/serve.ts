/**
 * serve: the cluster over the Kubernetes HTTP API, for the real kubectl and client libraries.
 */
export async function serve(args: string[]): Promise<number> {
  void args;
  process.stderr.write('kubeplay serve: the HTTP gateway is not built yet\n');
  return 1;
}
