// The shell: who is signed in (the portal's session, never a token), the header with the
// role's menu and the language switch, and the screen the URL names.
import { Button, Document, Link, Page, PageContent, PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { portalGet, portalPost } from './api';
import { Loading } from './components';
import { useI18n, type TextKey } from './i18n';
import { href, useRoute } from './router';
import { AuditScreen } from './screens/AuditScreen';
import { CaseScreen } from './screens/CaseScreen';
import { MatchingScreen } from './screens/MatchingScreen';
import { OutcomesScreen } from './screens/OutcomesScreen';
import { ReferralScreen } from './screens/ReferralScreen';
import { RegisterClientScreen } from './screens/RegisterClientScreen';
import { SignInScreen } from './screens/SignInScreen';
import { WorklistScreen } from './screens/WorklistScreen';
import type { SessionUser } from './session';

type SessionState = { readonly state: 'loading' } | { readonly state: 'signed-out' } | { readonly state: 'signed-in'; readonly user: SessionUser };

function menuOf(user: SessionUser): { readonly key: TextKey; readonly to: string }[] {
  const items: { key: TextKey; to: string }[] = [{ key: 'navWorklist', to: href('werklijst') }];
  if (user.organisationType === 'municipality') items.push({ key: 'navRegister', to: href('inschrijven') });
  if (user.organisationType === 'chain' && user.roles.some((r) => r === 'auditor' || r === 'privacy-officer')) items.push({ key: 'navAudit', to: href('log') });
  if (user.organisationType === 'chain' && user.roles.includes('policy-analyst')) items.push({ key: 'navOutcomes', to: href('uitkomsten') });
  return items;
}

function Screen({ user }: { readonly user: SessionUser }) {
  const route = useRoute();
  const [first, second] = route;
  if (first === 'zaak' && second) return <CaseScreen caseId={second} user={user} />;
  if (first === 'inschrijven' && user.organisationType === 'municipality') return <RegisterClientScreen />;
  if (first === 'verwijzing' && second && user.organisationType === 'care-provider') return <ReferralScreen referralId={second} user={user} />;
  if (first === 'matching' && second && user.organisationType === 'employer-network') return <MatchingScreen caseId={second} />;
  if (first === 'log' && user.organisationType === 'chain') return <AuditScreen />;
  if (first === 'uitkomsten' && user.roles.includes('policy-analyst')) return <OutcomesScreen />;
  return <WorklistScreen user={user} />;
}

export function App() {
  const { t, language, setLanguage } = useI18n();
  const [session, setSession] = useState<SessionState>({ state: 'loading' });
  useEffect(() => {
    void portalGet<{ user: SessionUser }>('/session').then((answer) => setSession(answer.ok ? { state: 'signed-in', user: answer.body.user } : { state: 'signed-out' }));
    const signedOut = () => setSession({ state: 'signed-out' });
    window.addEventListener('wcc-signed-out', signedOut);
    return () => window.removeEventListener('wcc-signed-out', signedOut);
  }, []);
  useEffect(() => {
    document.title = `${t('appName')}`;
  }, [t]);

  const signOut = async () => {
    await portalPost('/session/sign-out');
    window.location.hash = '';
    setSession({ state: 'signed-out' });
  };

  return (
    <Document>
      <SkipLink href="#main">{t('skipToContent')}</SkipLink>
      <Page>
        <PageHeader className="wcc-header">
          <div className="wcc-header__bar">
            <Paragraph className="wcc-header__title">
              <Link href={href('werklijst')}>{t('appName')}</Link>
            </Paragraph>
            <div className="wcc-header__tools">
              <Button appearance="subtle-button" lang={language === 'nl' ? 'en' : 'nl'} aria-label={t('switchLanguageLabel')} onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}>
                {t('switchLanguage')}
              </Button>
              {session.state === 'signed-in' && (
                <Button appearance="secondary-action-button" onClick={() => void signOut()}>
                  {t('signOut')}
                </Button>
              )}
            </div>
          </div>
          {session.state === 'signed-in' && (
            <div className="wcc-header__user">
              <Paragraph data-testid="signed-in-as">
                {t('signedInAs')}: <strong>{session.user.description}</strong> ({session.user.organisationId})
              </Paragraph>
              <nav aria-label={t('navMain')} className="wcc-nav">
                {menuOf(session.user).map((item) => (
                  <Link key={item.key} href={item.to}>
                    {t(item.key)}
                  </Link>
                ))}
              </nav>
            </div>
          )}
        </PageHeader>
        <PageContent>
          <main id="main" tabIndex={-1}>
            {session.state === 'loading' && <Loading />}
            {session.state === 'signed-out' && <SignInScreen onSignedIn={(user) => setSession({ state: 'signed-in', user })} />}
            {session.state === 'signed-in' && <Screen user={session.user} />}
          </main>
        </PageContent>
        <PageFooter className="wcc-footer">
          <Paragraph>{t('appName')} · NL Design System</Paragraph>
        </PageFooter>
      </Page>
    </Document>
  );
}
