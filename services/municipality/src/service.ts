import type { ServiceDescription } from '@wcc/nest-kit';

export const municipalityService: ServiceDescription = {
  name: 'municipality',
  title: 'Municipality (Werk & Inkomen)',
  description:
    "The municipality's part of the chain: clients (the BSN validated with the elfproef, stored encrypted, never published; the chain sees a " +
    'pseudonymous client key), cases with one accountable owner (regie), consent, referrals to care providers and the employer network with ' +
    'reply deadlines and overdue flags, participation ladder and ZRM at baseline, 6 and 12 months, the benefit, dropout and closure; multidisciplinary (MDT) case reviews with attendance, decisions and actions with due dates. ' +
    "Partners' answers, screening advice and placements are recorded on the case from their integration events.",
};
