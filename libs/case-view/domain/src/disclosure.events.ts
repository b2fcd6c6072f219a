// The case view's own events: one per case and request, saying which of another
// organisation's data a user was shown (CaseViewed) or what was withheld for lack of
// consent (CaseAccessRefused). Stream `case-disclosure-<viewId>`, one per request.
import type { CaseViewKind } from '@wcc/contracts';
import type { DataCategory, Viewer } from './vocabulary';

interface DisclosureBase {
  readonly viewId: string;
  readonly caseId: string;
  readonly clientKey: string;
  readonly viewer: Viewer;
  readonly view: CaseViewKind;
  readonly purpose: 'chain-coordination';
}

export type CaseViewed = {
  readonly type: 'CaseViewed';
  readonly data: DisclosureBase & {
    readonly dataCategoriesShown: readonly DataCategory[];
    readonly producingOrganisationIds: readonly string[];
    readonly consentIds: readonly string[];
    readonly itemsShown: number;
  };
};

export type CaseAccessRefused = {
  readonly type: 'CaseAccessRefused';
  readonly data: DisclosureBase & {
    readonly refusedDataCategories: readonly DataCategory[];
    readonly producingOrganisationIds: readonly string[];
    readonly itemsWithheld: number;
  };
};

export type DisclosureEvent = CaseViewed | CaseAccessRefused;
