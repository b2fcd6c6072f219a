// A data subject's overview (AVG art. 15), requested through the municipality that
// holds the person's case: built from that person's records only, and itself recorded
// as a disclosure to the requesting municipality. One Idempotency-Key gives one record.
import { Injectable } from '@nestjs/common';
import { domainError, type CommandMetadata } from '@wcc/domain-kit';
import { ProblemException, type AuthenticatedUser } from '@wcc/nest-kit';
import { overviewDisclosureKey, DATA_SUBJECT_ID_TYPE, disclosureRecordId, buildOverview, type DataSubjectOverview } from '@wcc/exchange-log-domain';
import { DisclosureRecorder } from '../integration/disclosure-recorder';
import { DisclosureLog } from '../persistence/disclosure-log';
import { SubjectProtection } from '../privacy/subject-protection';

export interface ProvidedOverview extends DataSubjectOverview {
  /** The record of this disclosure of the overview itself. */
  readonly requestRecordId: string;
  readonly dataSubjectIdType: string;
}

@Injectable()
export class DataSubjectOverviews {
  constructor(
    private readonly log: DisclosureLog,
    private readonly recorder: DisclosureRecorder,
    private readonly subjects: SubjectProtection,
  ) {}

  async provide(clientKey: string, metadata: CommandMetadata, user: AuthenticatedUser): Promise<ProvidedOverview> {
    const subjectIndex = this.subjects.blindIndex(clientKey);
    const cases = await this.log.casesOfSubject(subjectIndex);
    // Another municipality gets the answer an unknown key gets: it must not learn that the
    // client is known to the chain (need-to-know; the overview is asked where the case is).
    const unknown = () => ProblemException.notFound('The exchange log knows no case of this client key at your municipality.');
    if (cases.length === 0) throw unknown();
    if (!cases.some((c) => c.municipalityId === user.organisationId)) throw unknown();
    const requestRecordId = disclosureRecordId(overviewDisclosureKey(metadata.commandId));
    return this.log.transaction(async (tx) => {
      await this.log.lockChain(tx);
      const earlier = await this.log.findById(requestRecordId, tx);
      if (earlier && earlier.data_subject_index !== subjectIndex) {
        throw ProblemException.fromDomainError(domainError('conflict', 'idempotency-key-reused', 'This Idempotency-Key was already used for the overview of another client.'));
      }
      if (!earlier) {
        await this.recorder.recordOverview(
          {
            requestId: metadata.commandId,
            clientKey,
            caseIds: cases.map((c) => c.caseId),
            requester: { userId: user.userId, organisationId: user.organisationId, organisationType: user.organisationType, role: 'client-manager' },
            ...(metadata.trace ? { traceparent: metadata.trace.traceparent } : {}),
            at: metadata.now,
          },
          tx,
        );
      }
      const records = await this.log.page({ dataSubjectIndex: subjectIndex }, 0, 100_000, tx);
      return { requestRecordId, dataSubjectIdType: DATA_SUBJECT_ID_TYPE, ...buildOverview(records) };
    });
  }
}
