// Commands on the client stream.
import type { ClientProfile } from './client.events';

export interface RegisterClient {
  readonly type: 'RegisterClient';
  readonly data: {
    /** HMAC of the BSN: the pseudonymous key the rest of the chain sees. */
    readonly clientKey: string;
    /** The BSN as entered, only to check the elfproef; it is never put in an event. */
    readonly bsn: string;
    readonly sealedBsn: string;
    readonly sealedName?: string;
    readonly profile: ClientProfile;
  };
}

export type ClientCommand = RegisterClient;
