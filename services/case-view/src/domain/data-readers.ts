// Reading integration-event data that may have been filtered for a viewer (a field
// the viewer may not see is simply absent), or that a later contract version shaped
// slightly differently: every read says what it expects and tolerates absence.
export type EventData = Readonly<Record<string, unknown>>;

export function str(data: EventData, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = data[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

export function num(data: EventData, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const value = data[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return undefined;
}

export function bool(data: EventData, key: string): boolean | undefined {
  const value = data[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function strings(data: EventData, ...keys: string[]): string[] | undefined {
  for (const key of keys) {
    const value = data[key];
    if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  }
  return undefined;
}

export function record(value: unknown): EventData | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as EventData) : undefined;
}

export function records(data: EventData, ...keys: string[]): EventData[] | undefined {
  for (const key of keys) {
    const value = data[key];
    if (Array.isArray(value)) return value.map(record).filter((v): v is EventData => v !== undefined);
  }
  return undefined;
}
