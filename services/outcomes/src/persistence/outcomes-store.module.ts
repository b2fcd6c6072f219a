// Global, because the messaging module instantiates the consumer in its own scope and the consumer needs the store.
import { Global, Module } from '@nestjs/common';
import { OutcomesStore } from './outcomes-store';

@Global()
@Module({ providers: [OutcomesStore], exports: [OutcomesStore] })
export class OutcomesStoreModule {}
