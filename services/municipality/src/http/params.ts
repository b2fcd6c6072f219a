// Path and query parameters, checked like bodies: a malformed one is a 400 naming it.
import type { PipeTransform } from '@nestjs/common';
import { ProblemException } from '@wcc/nest-kit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CLIENT_KEY = /^ck_[A-Za-z0-9_-]{43}$/;

export class UuidParam implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}
  transform(value: string): string {
    if (!UUID.test(value)) throw ProblemException.validation([{ field: this.name, reason: 'must be a UUID' }]);
    return value.toLowerCase();
  }
}

export class ClientKeyParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!CLIENT_KEY.test(value)) throw ProblemException.validation([{ field: 'clientKey', reason: 'must be a client key (ck_…)' }]);
    return value;
  }
}

export class OptionalBooleanQuery implements PipeTransform<string | undefined, boolean | undefined> {
  constructor(private readonly name: string) {}
  transform(value: string | undefined): boolean | undefined {
    if (value === undefined || value === '') return undefined;
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw ProblemException.validation([{ field: this.name, reason: 'must be true or false' }]);
  }
}
