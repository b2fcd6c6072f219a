// Everything a health insurer publishes about a case — funding decisions and claim
// outcomes — in order per case key.
export const insurerCaseEventsTopic = 'wcc.insurer.case-events.v1';
