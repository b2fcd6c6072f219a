// Old event shapes stay in the log untouched; readers see the current shape. Both
// adapters share this so an upcast event looks the same whichever store served it.
import type { Upcasters } from './event-store';

export interface UpcastingOptions {
  readonly upcasters?: Upcasters;
  /**
   * The schema version readers expect per event type. Without an entry the store
   * upcasts as far as the chain of upcasters reaches.
   */
  readonly currentSchemaVersions?: Readonly<Record<string, number>>;
}

export class MissingUpcasterError extends Error {
  override readonly name = 'MissingUpcasterError';
  constructor(
    readonly type: string,
    readonly fromVersion: number,
    readonly targetVersion: number,
  ) {
    super(`No upcaster for ${type} from schema version ${fromVersion}; readers expect version ${targetVersion}`);
  }
}

export interface Upcast {
  readonly schemaVersion: number;
  readonly data: unknown;
}

export function upcast(type: string, schemaVersion: number, data: unknown, options: UpcastingOptions): Upcast {
  const chain = options.upcasters?.[type];
  const target = options.currentSchemaVersions?.[type];
  let version = schemaVersion;
  let current = data;
  if (target === undefined) {
    // Follow the chain as far as it goes.
    for (let step = chain?.[version]; step !== undefined; step = chain?.[version]) {
      current = step(current);
      version += 1;
    }
    return { schemaVersion: version, data: current };
  }
  while (version < target) {
    const step = chain?.[version];
    // Handing a reader a shape it does not expect would corrupt state silently.
    if (step === undefined) throw new MissingUpcasterError(type, version, target);
    current = step(current);
    version += 1;
  }
  return { schemaVersion: version, data: current };
}
