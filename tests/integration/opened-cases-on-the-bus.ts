// What the municipality's chain topic holds of opened cases, for the tests that fault a
// running municipality: per case, the types of its ClientRegistered and CaseOpened in topic
// order (each CloudEvent id once), and how many ids were published more than once.
import { caseOpenedV1, clientRegisteredV1, municipalityCaseEventsTopic } from '@wcc/contracts';
import { expect } from 'vitest';
import { readTopicsToEnd, testKafka, type TestNamespace } from '@wcc/testing';

export interface OpenedCasesOnTheBus {
  /** caseId → event types, first occurrence of each CloudEvent id, in topic order. */
  readonly seen: ReadonlyMap<string, readonly string[]>;
  /** Messages whose CloudEvent id was already on the topic (a relay resending; inboxes absorb them). */
  readonly duplicates: number;
}

export const openedCaseTypes: readonly string[] = [clientRegisteredV1.type, caseOpenedV1.type];

/** Reads the topic to its end until every one of `caseIds` is on it, or `timeoutMs` has passed. */
export async function openedCasesOnTheBus(ns: TestNamespace, caseIds: readonly string[], timeoutMs = 60_000): Promise<OpenedCasesOnTheBus> {
  const kafka = testKafka('opened-cases-reader');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { messages } = await readTopicsToEnd(kafka, [ns.topic(municipalityCaseEventsTopic)]);
    const times = new Map<string, number>();
    const seen = new Map<string, string[]>();
    for (const m of messages) {
      const id = String(m.headers['ce_id']);
      times.set(id, (times.get(id) ?? 0) + 1);
      const type = String(m.headers['ce_type']);
      if (times.get(id)! > 1 || !openedCaseTypes.includes(type)) continue;
      seen.set(m.key ?? '', [...(seen.get(m.key ?? '') ?? []), type]);
    }
    const duplicates = [...times.values()].reduce((n, count) => n + count - 1, 0);
    if (caseIds.every((caseId) => seen.has(caseId)) || Date.now() > deadline) return { seen, duplicates };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Asserts every acknowledged case reached the topic with its two events in order; returns how many ids were published twice. */
export async function expectEveryCaseOnTheBus(ns: TestNamespace, caseIds: readonly string[]): Promise<{ readonly duplicates: number; readonly cases: number }> {
  const { seen, duplicates } = await openedCasesOnTheBus(ns, caseIds);
  expect(
    caseIds.filter((caseId) => !seen.has(caseId)),
    'acknowledged but not on the topic',
  ).toEqual([]);
  for (const caseId of caseIds) expect(seen.get(caseId), caseId).toEqual(openedCaseTypes);
  return { duplicates, cases: seen.size };
}
