// The municipality's own path parameter: a client key. UUIDs and booleans are nest-kit's.
import type { PipeTransform } from '@nestjs/common';
import { ProblemException } from '@wcc/nest-kit';

const CLIENT_KEY = /^ck_[A-Za-z0-9_-]{43}$/;

export class ClientKeyParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!CLIENT_KEY.test(value)) throw ProblemException.validation([{ field: 'clientKey', reason: 'must be a client key (ck_…)' }]);
    return value;
  }
}
