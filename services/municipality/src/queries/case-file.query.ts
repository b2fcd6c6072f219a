// One case as its municipality sees it: the case stream folded into the case file,
// with overdue flags computed against the moment of asking.
import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@wcc/event-store';
import { EVENT_STORE, loadState, ProblemException, type AuthenticatedUser } from '@wcc/nest-kit';
import { caseDecider, caseView, type CaseView } from '@wcc/municipality-domain';

@Injectable()
export class CaseFileQuery {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async caseFor(user: AuthenticatedUser, caseId: string, now: Date): Promise<CaseView & { version: number }> {
    const { state, version } = await loadState(this.store, caseDecider, caseId);
    if (state.status === 'new') throw ProblemException.notFound('There is no case with this id.');
    if (state.municipalityId !== user.organisationId) throw ProblemException.forbidden('This case belongs to another municipality.');
    return { ...caseView(state, now), version };
  }
}
