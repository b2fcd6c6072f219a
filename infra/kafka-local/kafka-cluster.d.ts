// Types for kafka-cluster.js.
export interface LocalClusterNode {
  readonly nodeId: number;
  readonly broker: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  kill(): Promise<void>;
}
export interface LocalCluster {
  readonly brokers: string[];
  readonly nodes: LocalClusterNode[];
  stop(): Promise<unknown>;
}
/** N KRaft nodes on `ports` (p and p + 1 each), replication factor N, min.insync.replicas 2. */
export declare function startLocalCluster(options: { ports: readonly number[]; stateDir: string; ownerPid?: number; heap?: string }): Promise<LocalCluster>;
