// The municipality registers a client (the BSN is typed once and shown only masked
// afterwards) and opens the case; consent and referral follow on the case screen.
import { Button, Heading1, Heading2, Link, Paragraph, DataList, DataListItem, DataListKey, DataListValue, Alert } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { servicePost, type Answer } from '../api';
import { numberOrText, ProblemAlert, SelectField, TextField, useFormState } from '../components';
import { useI18n } from '../i18n';
import { href } from '../router';

const SEXES = ['female', 'male', 'x'];
const EDUCATION = ['low', 'mid', 'high'];
const BENEFITS = ['wwb', 'wajong', 'wia', 'ww', 'ioaw-ioaz', 'bbz', 'none'];
const HOUSING = ['independent', 'with-parents', 'supported-housing', 'shelter', 'homeless', 'other'];
const FIELDS = ['/bsn', '/name', '/birthYear', '/sex', '/education', '/benefitType', '/benefitMonthlyAmountCents', '/housing'];

export const maskBsn = (bsn: string) => `${'•'.repeat(Math.max(0, bsn.length - 3))}${bsn.slice(-3)}`;

/** Euro typed with a comma or a point as cents for the service; anything else goes as typed for the service to name. */
function cents(value: string): number | string {
  const n = numberOrText(value);
  return typeof n === 'number' ? Math.round(n * 100) : value;
}

export function RegisterClientScreen() {
  const { t } = useI18n();
  const form = useFormState({ bsn: '', name: '', birthYear: '', sex: 'female', education: 'mid', benefitType: 'wwb', amount: '', housing: 'independent' });
  const [done, setDone] = useState<{ caseId: string; masked: string } | undefined>();
  const v = form.values;
  const options = (prefix: string, values: readonly string[]) => values.map((value) => ({ value, label: prefix === 'benefit' ? value.toUpperCase() : (t(`${prefix}_${value}` as never) ?? value) }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit<{ caseId: string }>(
      async (): Promise<Answer<{ caseId: string }>> => {
        const registered = await servicePost<{ clientKey: string }>('municipality', '/clients', {
          bsn: v.bsn.trim(),
          ...(v.name.trim() ? { name: v.name.trim() } : {}),
          birthYear: numberOrText(v.birthYear),
          sex: v.sex,
          education: v.education,
          benefitType: v.benefitType,
          benefitMonthlyAmountCents: cents(v.amount || '0'),
          housing: v.housing,
        });
        if (!registered.ok) return registered;
        return servicePost<{ caseId: string }>('municipality', '/cases', { clientKey: registered.body.clientKey });
      },
      (body) => {
        setDone({ caseId: body.caseId, masked: maskBsn(v.bsn.trim()) });
        // The BSN is not kept in the page once the client is registered.
        form.setValues((values) => ({ ...values, bsn: '' }));
      },
    );
  };

  if (done)
    return (
      <>
        <Heading1 tabIndex={-1}>{t('registerTitle')}</Heading1>
        <Alert type="ok" role="status">
          <Heading2>{t('registered')}</Heading2>
          <DataList>
            <DataListItem>
              <DataListKey>{t('bsnMasked')}</DataListKey>
              <DataListValue>
                <span data-testid="bsn-masked">{done.masked}</span>
              </DataListValue>
            </DataListItem>
          </DataList>
          <Paragraph>
            <Link href={href('zaak', done.caseId)} data-testid="go-to-case">
              {t('goToCase')}
            </Link>
          </Paragraph>
        </Alert>
      </>
    );

  return (
    <>
      <Heading1 tabIndex={-1}>{t('registerTitle')}</Heading1>
      {form.problem && <ProblemAlert problem={form.problem} shownFields={FIELDS} />}
      <form onSubmit={onSubmit} noValidate aria-labelledby="register-form">
        <Heading2 id="register-form" className="wcc-visually-hidden">
          {t('registerTitle')}
        </Heading2>
        <TextField id="bsn" field="/bsn" label={t('bsn')} description={t('bsnHint')} {...form.bind('bsn')} inputMode="numeric" required />
        <TextField id="name" field="/name" label={t('name')} {...form.bind('name')} />
        <TextField id="birthYear" field="/birthYear" label={t('birthYear')} {...form.bind('birthYear')} inputMode="numeric" required />
        <SelectField id="sex" field="/sex" label={t('sex')} {...form.bind('sex')} options={options('sex', SEXES)} required />
        <SelectField id="education" field="/education" label={t('education')} {...form.bind('education')} options={options('education', EDUCATION)} required />
        <SelectField id="benefitType" field="/benefitType" label={t('benefitType')} {...form.bind('benefitType')} options={options('benefit', BENEFITS)} required />
        <TextField id="amount" field="/benefitMonthlyAmountCents" label={t('benefitAmount')} {...form.bind('amount')} inputMode="decimal" />
        <SelectField id="housing" field="/housing" label={t('housing')} {...form.bind('housing')} options={options('housing', HOUSING)} required />
        <Button type="submit" appearance="primary-action-button" busy={form.busy} disabled={form.busy}>
          {form.busy ? t('saving') : t('registerSubmit')}
        </Button>
      </form>
    </>
  );
}
