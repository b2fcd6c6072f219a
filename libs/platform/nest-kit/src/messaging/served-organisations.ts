// Which organisations a partner service's deployment serves: in production one, its own
// (the organisation runs its own deployment under its own Kafka principal); in development
// the demo's organisations of the type in one process. Its consumers read only what is
// addressed to these (contracts' bus access), and only their users act through it.

/** The organisation ids `variable` lists (comma-separated), or `developmentDefault` when it is unset or empty. */
export function servedOrganisations(variable: string, developmentDefault: readonly string[], env: NodeJS.ProcessEnv = process.env): readonly string[] {
  const listed = (env[variable] ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  return Object.freeze([...new Set(listed.length > 0 ? listed : developmentDefault)]);
}
