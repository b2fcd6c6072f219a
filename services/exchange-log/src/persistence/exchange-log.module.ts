// Global, because the messaging module instantiates the consumer in its own scope and
// the consumer needs the log, the subject protection and the recorder.
import { Global, Module } from '@nestjs/common';
import { DisclosureRecorder } from '../integration/disclosure-recorder';
import { SubjectProtection, subjectKeysFromEnv } from '../privacy/subject-protection';
import { DisclosureLog } from './disclosure-log';

@Global()
@Module({
  providers: [DisclosureLog, DisclosureRecorder, { provide: SubjectProtection, useFactory: () => new SubjectProtection(subjectKeysFromEnv()) }],
  exports: [DisclosureLog, DisclosureRecorder, SubjectProtection],
})
export class ExchangeLogModule {}
