// Path and query parameters checked like bodies, the same in every service: a bad one
// is a 400 naming it; an empty query value (`?status=`) counts as absent.
import type { PipeTransform } from '@nestjs/common';
import { ProblemException } from './problem';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class UuidParam implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}
  transform(value: string): string {
    if (!UUID.test(value)) throw ProblemException.validation([{ field: this.name, reason: 'must be a UUID' }]);
    return value.toLowerCase();
  }
}

export class OneOfQuery<V extends string> implements PipeTransform<string | undefined, V | undefined> {
  constructor(
    private readonly name: string,
    private readonly values: readonly V[],
  ) {}
  transform(value: string | undefined): V | undefined {
    if (value === undefined || value === '') return undefined;
    if (!(this.values as readonly string[]).includes(value)) throw ProblemException.validation([{ field: this.name, reason: `must be one of: ${this.values.join(', ')}` }]);
    return value as V;
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
