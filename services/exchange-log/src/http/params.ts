// Path parameters checked like bodies: a bad one is a 400 naming it.
import type { PipeTransform } from '@nestjs/common';
import { ProblemException } from '@wcc/nest-kit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class UuidParam implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}
  transform(value: string): string {
    if (!UUID.test(value)) throw ProblemException.validation([{ field: this.name, reason: 'must be a UUID' }]);
    return value.toLowerCase();
  }
}
