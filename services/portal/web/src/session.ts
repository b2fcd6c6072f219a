export interface SessionUser {
  readonly userId: string;
  readonly organisationId: string;
  readonly organisationType: 'municipality' | 'care-provider' | 'insurer' | 'employer-network' | 'chain';
  readonly roles: readonly string[];
  readonly description: string;
}

export interface DemoUserEntry extends SessionUser {
  readonly name: string;
}
