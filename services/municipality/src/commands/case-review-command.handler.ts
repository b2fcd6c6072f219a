// Commands on an MDT case review: add what the review needs to know of its case (read
// from the case stream now), then decide on the review stream.
import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@wcc/event-store';
import { DeciderCommandHandler, EVENT_STORE, loadState, StreamCommand } from '@wcc/nest-kit';
import { caseDecider, caseReviewDecider, reviewedCaseOf, type CaseReviewCommand, type CaseReviewEvent, type CaseReviewInput, type CaseReviewState } from '@wcc/municipality-domain';

/** Any command on `case-review-<reviewId>`, as the caller sends it (without the reviewed case). */
export class CaseReviewCommandRequest extends StreamCommand<CaseReviewInput> {}

@CommandHandler(CaseReviewCommandRequest)
export class CaseReviewCommandHandler extends DeciderCommandHandler<CaseReviewCommand, CaseReviewEvent, CaseReviewState, CaseReviewInput> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, caseReviewDecider);
  }

  protected override async prepare(input: CaseReviewInput, { id: reviewId }: CaseReviewCommandRequest): Promise<CaseReviewCommand> {
    if (input.type === 'CloseReviewAction' || input.type === 'CancelCaseReview') return input;
    const caseId = input.type === 'ScheduleCaseReview' ? input.data.caseId : await this.caseOf(reviewId);
    const reviewedCase = caseId === undefined ? null : reviewedCaseOf((await loadState(this.store, caseDecider, caseId)).state);
    return { ...input, data: { ...input.data, reviewedCase } } as CaseReviewCommand;
  }

  private async caseOf(reviewId: string): Promise<string | undefined> {
    const { state } = await loadState(this.store, caseReviewDecider, reviewId);
    return state.status === 'new' ? undefined : state.caseId;
  }
}
