// Which care providers this deployment serves. One deployment may host several GGZ
// providers (each user acts only for the organisation in their token); when
// CARE_PROVIDER_ORGANISATION_IDS lists some, referrals addressed to others are ignored.
export class CareProviderConfig {
  readonly servedOrganisations: ReadonlySet<string> | undefined;

  constructor() {
    const listed = (process.env['CARE_PROVIDER_ORGANISATION_IDS'] ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    this.servedOrganisations = listed.length > 0 ? new Set(listed) : undefined;
  }

  serves(organisationId: string): boolean {
    return this.servedOrganisations === undefined || this.servedOrganisations.has(organisationId);
  }
}
