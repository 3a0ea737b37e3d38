/**
 * The network layer's public contracts: who is talking (NetIdentity), what a container
 * exposes to the network (ContainerEndpoint, structurally the runtime's ContainerProcess),
 * and what a request and a connection attempt return.
 *
 * NOTE: these mirror `src/core/node/runtime/types.ts` (Request/Response) structurally instead
 * of importing it: DESIGN §2 lets core/network import only core/api and core/client.
 */

/** NetProtocol is a transport as Service ports name it. */
export type NetProtocol = 'TCP' | 'UDP' | 'SCTP';

/** NetRequest is one request to a listener (method/path empty for raw TCP/UDP). */
export interface NetRequest {
  method: string;
  path: string;
  /** headers with lower-cased names. */
  headers: Record<string, string>;
  body: string;
  fromIP: string;
  fromPort?: number;
}

/** NetResponse is a listener's answer (status 0 for raw TCP). */
export interface NetResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * ContainerEndpoint is what the kubelet attaches for each running container: the runtime's
 * ContainerProcess satisfies it as is.
 */
export interface ContainerEndpoint {
  readonly running: boolean;
  ports(): { port: number; protocol: string }[];
  accepts(port: number): boolean;
  request(port: number, req: NetRequest): Promise<NetResponse | undefined>;
}

/** NetIdentity is where traffic comes from: a node's host network or a pod's network namespace. */
export type NetIdentity =
  | { kind: 'node'; nodeName: string }
  | { kind: 'pod'; namespace: string; podName: string; podIP: string; nodeName?: string };

/** ConnectFailure is why a TCP connect failed, with how long the client waited (virtual ms). */
export interface ConnectFailure {
  ok: false;
  /** refused: RST/ICMP port unreachable (curl 7); timeout: nothing answers (curl 28 with -m). */
  error: 'refused' | 'timeout';
  elapsedMs: number;
}

/** ConnectSuccess names the container that accepted, after Service DNAT. */
export interface ConnectSuccess {
  ok: true;
  /** podIP and port are the real destination after kube-proxy's DNAT. */
  podIP: string;
  port: number;
  endpoint: ContainerEndpoint;
  /** sourceIP is the address the server sees (a node IP after SNAT for NodePorts). */
  sourceIP: string;
}

/** ConnectResult is the outcome of `connect`. */
export type ConnectResult = ConnectSuccess | ConnectFailure;
