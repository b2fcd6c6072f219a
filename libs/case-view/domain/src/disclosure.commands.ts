import type { CaseViewKind } from '@wcc/contracts';
import type { Disclosure, Refusal } from './case-view';
import type { Viewer } from './vocabulary';

export interface CaseDisclosureRecord {
  readonly caseId: string;
  readonly clientKey: string;
  readonly disclosure: Disclosure | null;
  readonly refusal: Refusal | null;
}

/** Protocol what one request showed and withheld, per case. */
export type RecordCaseDisclosures = {
  readonly type: 'RecordCaseDisclosures';
  readonly data: {
    readonly viewId: string;
    readonly viewer: Viewer;
    readonly view: CaseViewKind;
    readonly records: readonly CaseDisclosureRecord[];
  };
};

export type DisclosureCommand = RecordCaseDisclosures;
