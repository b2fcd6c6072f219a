// Development sign-in: every demo user of every organisation and role, grouped by
// organisation type. The portal mints the development token and keeps it.
import { Button, Heading1, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useState } from 'react';
import { portalGet, portalPost, type Problem } from '../api';
import { Loading, ProblemAlert, useLoad } from '../components';
import { useI18n, type TextKey } from '../i18n';
import type { DemoUserEntry, SessionUser } from '../session';

const ORDER = ['municipality', 'care-provider', 'employer-network', 'insurer', 'chain'] as const;

export function SignInScreen({ onSignedIn }: { readonly onSignedIn: (user: SessionUser) => void }) {
  const { t } = useI18n();
  const users = useLoad(() => portalGet<{ users: DemoUserEntry[] }>('/dev/users'), 'users');
  const [problem, setProblem] = useState<Problem | undefined>();
  const signIn = async (name: string) => {
    const answer = await portalPost<{ user: SessionUser }>('/dev/sign-in', { user: name });
    if (answer.ok) onSignedIn(answer.body.user);
    else setProblem(answer.problem);
  };
  return (
    <>
      <Heading1 tabIndex={-1}>{t('signInTitle')}</Heading1>
      {users.state === 'loading' && <Loading />}
      {users.state === 'error' && <Paragraph>{t('signInProductionMissing')}</Paragraph>}
      {problem && <ProblemAlert problem={problem} />}
      {users.state === 'ok' && (
        <>
          <Paragraph>{t('signInIntro')}</Paragraph>
          {ORDER.map((type) => {
            const ofType = users.data.users.filter((u) => u.organisationType === type);
            if (ofType.length === 0) return null;
            return (
              <section key={type} aria-labelledby={`users-${type}`}>
                <Heading2 id={`users-${type}`}>{t(`orgType_${type}` as TextKey)}</Heading2>
                <UnorderedList className="wcc-plain-list">
                  {ofType.map((user) => (
                    <UnorderedListItem key={user.name}>
                      <Button appearance="secondary-action-button" onClick={() => void signIn(user.name)} data-user={user.name}>
                        {t('signInAs')} {user.description}
                      </Button>{' '}
                      <span className="wcc-muted">
                        {user.organisationId} · {user.roles.join(', ')}
                      </span>
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              </section>
            );
          })}
        </>
      )}
    </>
  );
}
