// Global, because MessagingModule instantiates the consumer in its own module and the
// consumer needs the projector: the DataSource (opened and migrated before any consumer
// starts) and the projector on it.
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { requiredEnv } from '@wcc/nest-kit';
import { CaseProjector } from '../projection/case-projector';
import { openCaseViewDataSource } from './case-view-data-source';

export const CASE_VIEW_DATA_SOURCE = Symbol('CASE_VIEW_DATA_SOURCE');

class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(CASE_VIEW_DATA_SOURCE) private readonly dataSource: DataSource) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

@Global()
@Module({
  providers: [
    { provide: CASE_VIEW_DATA_SOURCE, useFactory: () => openCaseViewDataSource(requiredEnv('DATABASE_URL')) },
    { provide: CaseProjector, inject: [CASE_VIEW_DATA_SOURCE], useFactory: (dataSource: DataSource) => new CaseProjector(dataSource) },
    DataSourceCloser,
  ],
  exports: [CASE_VIEW_DATA_SOURCE, CaseProjector],
})
export class CaseViewStoreModule {}
