import { describe, it } from 'vitest';
import type { RegisterClient } from './client.commands';
import { clientDecider } from './client.decider';
import type { ClientEvent, ClientProfile } from './client.events';
import { commandMetadata, deciderSpec } from '@wcc/domain-kit/testing';

const given = deciderSpec(clientDecider);
const clientManager = commandMetadata({ userId: 'km-1', organisationId: 'gemeente-rotterdam', organisationType: 'municipality' });
const profile: ClientProfile = { birthYear: 1990, sex: 'female', education: 'low', benefitType: 'wwb', benefitMonthlyAmountCents: 123_456, housing: 'independent' };
const register = (overrides: Partial<RegisterClient['data']> = {}): RegisterClient => ({
  type: 'RegisterClient',
  data: { clientKey: 'ck_abcdefghijklmnopqrstuvwxyz', bsn: '111222333', sealedBsn: 'v1.sealed-bsn', sealedName: 'v1.sealed-name', profile, ...overrides },
});
const registered: ClientEvent = {
  type: 'ClientRegistered',
  data: { clientKey: 'ck_abcdefghijklmnopqrstuvwxyz', municipalityId: 'gemeente-rotterdam', sealedBsn: 'v1.sealed-bsn', sealedName: 'v1.sealed-name', profile },
};

describe('client decider: RegisterClient', () => {
  it('registers a client with a valid BSN, storing only the sealed BSN and the caller municipality', () => {
    given([]).when(register(), clientManager).then([registered]);
  });

  it('leaves the name out when none was recorded', () => {
    const { sealedName: _omitted, ...data } = registered.data;
    given([])
      .when({ type: 'RegisterClient', data: { clientKey: data.clientKey, bsn: '111222333', sealedBsn: data.sealedBsn, profile } }, clientManager)
      .then([{ type: 'ClientRegistered', data }]);
  });

  it('refuses a BSN that fails the elfproef, naming the field and not the number', () => {
    given([])
      .when(register({ bsn: '123456789' }), clientManager)
      .thenRefused({ category: 'invalid', code: 'bsn-invalid', field: '/bsn' });
  });

  it('refuses the same BSN twice (its stream already exists)', () => {
    given([registered]).when(register(), clientManager).thenRefused({ category: 'conflict', code: 'client-already-registered' });
  });

  it('refuses an organisation that is not a municipality', () => {
    const employer = commandMetadata({ userId: 'am-1', organisationId: 'werkplein-rijnmond', organisationType: 'employer-network' });
    given([]).when(register(), employer).thenRefused({ category: 'forbidden', code: 'not-a-municipality' });
  });

  it('refuses an impossible birth year and an amount without a benefit', () => {
    given([])
      .when(register({ profile: { ...profile, birthYear: 2020 } }), clientManager)
      .thenRefused({ category: 'invalid', field: '/birthYear', code: 'birth-year-out-of-range' });
    given([])
      .when(register({ profile: { ...profile, benefitType: 'none', benefitMonthlyAmountCents: 100 } }), clientManager)
      .thenRefused({ category: 'invalid', field: '/benefitMonthlyAmountCents', code: 'amount-without-benefit' });
  });
});
