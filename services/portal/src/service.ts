import type { ServiceDescription } from '@wcc/nest-kit';

export const portalService: ServiceDescription = {
  name: 'portal',
  title: 'Work-and-care chain portal (backend for frontend)',
  description:
    "Serves the web portal and calls the seven services on the signed-in user's behalf. The browser holds an httpOnly, SameSite=Strict " +
    "session cookie only; the bearer token stays here. No business rules and no database: every decision is the services' own, " +
    'and their answers (problem+json refusals included) are passed through unchanged.',
};
