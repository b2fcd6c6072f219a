import { clientReferredV1 } from './client-referred';
import { consentGrantedV1, consentWithdrawnV1 } from './consent';

export * from './client-referred';
export * from './consent';
export * from './topics';

export const municipalityEvents = [consentGrantedV1, consentWithdrawnV1, clientReferredV1] as const;
