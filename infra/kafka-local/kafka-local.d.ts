// Types for kafka-local.js, which stays plain JavaScript so it runs before anything is compiled.
export declare const KAFKA_VERSION: string;
export declare const localBrokers: string;
export declare const logFile: string;
/** Where this broker's data, config, pid file and log live (KAFKA_LOCAL_STATE_DIR). */
export declare const stateDir: string;
/** kafkajs's `sasl` for the admin of a broker started with KAFKA_LOCAL_SASL_USERS; undefined for a plaintext one. */
export declare const adminSasl: { mechanism: 'plain'; username: string; password: string } | undefined;
export declare function answersMetadata(brokers: string, timeoutMs?: number): Promise<boolean>;
/**
 * Starts (or reuses) the broker on KAFKA_LOCAL_PORT. With `ownerPid`, a broker started here
 * is stopped by a watchdog once that process has exited, however it ended.
 */
export declare function ensureLocalKafka(options?: { timeoutMs?: number; ownerPid?: number }): Promise<{ brokers: string; startedHere: boolean; pid?: number }>;
/** SIGTERM by default (a controlled shutdown); `{ signal: 'SIGKILL' }` kills it outright, as a crash would. */
export declare function stopLocalKafka(options?: { readonly signal?: 'SIGTERM' | 'SIGKILL' }): Promise<boolean>;
/** The pid of the broker kafka-local started on this port, when it is running. */
export declare function runningPid(): number | undefined;
/** A fresh KRaft cluster id (for KAFKA_LOCAL_CLUSTER). */
export declare function newClusterId(): string;
