// Consents name their recipient organisations (issue 12): null for a consent given to the
// case team of its organisation types, which is also how every earlier consent reads.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsentRecipients1764750000000 implements MigrationInterface {
  name = 'ConsentRecipients1764750000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`alter table case_view.consents add column recipients jsonb`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`alter table case_view.consents drop column recipients`);
  }
}
