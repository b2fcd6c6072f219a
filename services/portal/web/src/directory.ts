// Organisations and people to pick from where a form asks for another organisation's id
// or a colleague's user id. No service keeps a directory of the chain's organisations
// yet; in development the portal's own list of demo users (the sign-in page's) names
// them, so the fields suggest those. In production that list answers 404 and the
// fields stay plain text boxes: the ids are typed, and the services judge them.
import { portalGet } from './api';
import { useLoad } from './components';
import type { DemoUserEntry, SessionUser } from './session';

export interface Suggestion {
  readonly value: string;
  readonly label: string;
}

/** The demo users, when development sign-in is on; otherwise none. */
export function useDirectory(): readonly DemoUserEntry[] {
  const users = useLoad(() => portalGet<{ users: DemoUserEntry[] }>('/dev/users'), 'directory');
  return users.state === 'ok' ? users.data.users : [];
}

/** Organisations of one type, each once. */
export function organisationsOf(directory: readonly DemoUserEntry[], type: SessionUser['organisationType']): Suggestion[] {
  const ids = [...new Set(directory.filter((u) => u.organisationType === type).map((u) => u.organisationId))];
  return ids.map((id) => ({ value: id, label: id }));
}

/** The people of one organisation, optionally with one of these roles. */
export function colleaguesOf(directory: readonly DemoUserEntry[], organisationId: string, roles?: readonly string[]): Suggestion[] {
  return directory.filter((u) => u.organisationId === organisationId && (!roles || u.roles.some((r) => roles.includes(r)))).map((u) => ({ value: u.userId, label: u.description }));
}
