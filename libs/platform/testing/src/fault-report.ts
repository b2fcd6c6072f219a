// One row per fault a test injected and healed, collected across the run's tiers so that
// `npm test` ends with one table (printed by scripts/test.mjs, which runs uncompiled): the fault, what was acknowledged, how much crossed the
// bus, what was lost, what was doubled, and how long recovery took. A test reports only
// after its assertions passed, so a row is a proven outcome, not a measurement of a
// failure. Where WCC_FAULT_REPORT is unset (a test run by hand) nothing is written.
import fs from 'node:fs';

export interface FaultOutcome {
  /** What was done to the chain, e.g. "broker SIGKILLed and restarted". */
  readonly fault: string;
  /** The test file that proved it. */
  readonly test: string;
  /** Commands (or appends) the chain acknowledged while the fault was injected and healed. */
  readonly acknowledged: number;
  /** Events or messages that crossed the bus in the test. */
  readonly events: number;
  /** Acknowledged but missing afterwards: the test fails before reporting unless 0. */
  readonly lost: number;
  /** Effects applied twice (not duplicate messages, which the inboxes absorb): 0 unless a test says otherwise. */
  readonly duplicatedEffects: number;
  /** Messages delivered more than once by CloudEvent id, absorbed by the consumers' inboxes. */
  readonly redelivered: number;
  /** From the heal (or the kill) to everything flowing again, in ms; null where the test does not measure it. */
  readonly recoveredMs: number | null;
}

export function reportFault(outcome: FaultOutcome): void {
  const file = process.env['WCC_FAULT_REPORT'];
  if (!file) return;
  fs.appendFileSync(file, `${JSON.stringify(outcome)}\n`);
}
