// Types for kafka-local.js, which stays plain JavaScript so it runs before anything is compiled.
export declare const KAFKA_VERSION: string;
export declare const localBrokers: string;
export declare const logFile: string;
export declare function answersMetadata(brokers: string, timeoutMs?: number): Promise<boolean>;
export declare function ensureLocalKafka(options?: { timeoutMs?: number }): Promise<{ brokers: string; startedHere: boolean }>;
export declare function stopLocalKafka(): Promise<boolean>;
