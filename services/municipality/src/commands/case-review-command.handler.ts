// Commands on an MDT case review: add what the review needs to know of its case (read
// from the case stream now), then load the review, decide, append.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMetadata } from '@wcc/domain-kit';
import type { EventStore } from '@wcc/event-store';
import { EVENT_STORE, loadState, type HandledCommand } from '@wcc/nest-kit';
import { caseDecider, caseReviewDecider, reviewedCaseOf, type CaseReviewCommand, type CaseReviewEvent, type CaseReviewInput } from '@wcc/municipality-domain';
import { handleIdempotently } from './idempotent';

export class CaseReviewCommandRequest {
  constructor(
    readonly reviewId: string,
    readonly input: CaseReviewInput,
    readonly metadata: CommandMetadata,
  ) {}
}

@CommandHandler(CaseReviewCommandRequest)
export class CaseReviewCommandHandler implements ICommandHandler<CaseReviewCommandRequest, HandledCommand<CaseReviewEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ reviewId, input, metadata }: CaseReviewCommandRequest): Promise<HandledCommand<CaseReviewEvent>> {
    return handleIdempotently(this.store, caseReviewDecider, reviewId, await this.withCase(reviewId, input), metadata);
  }

  private async withCase(reviewId: string, input: CaseReviewInput): Promise<CaseReviewCommand> {
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
