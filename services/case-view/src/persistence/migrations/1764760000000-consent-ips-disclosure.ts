// The client's choice to tell named employer networks that they take part in IPS (issue 12).
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsentIpsDisclosure1764760000000 implements MigrationInterface {
  name = 'ConsentIpsDisclosure1764760000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`alter table case_view.consents add column discloses_ips_participation boolean not null default false`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`alter table case_view.consents drop column discloses_ips_participation`);
  }
}
