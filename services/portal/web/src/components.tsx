// The portal's building blocks on top of the NL Design System (Utrecht) components: form
// fields that show the service's field error beside the field, the refusal of a service
// as a readable alert, loading state, a table's caption and column heads, and the "not
// shared with your organisation" mark.
import {
  Alert,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
  TableCaption,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  Textbox,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Answer, FieldIssue, Problem } from './api';
import { useI18n } from './i18n';

export type Loaded<T> =
  | { readonly state: 'loading' }
  /** `refreshProblem`: a reload failed; the data shown is the last that loaded (a form on it keeps what was typed). */
  | { readonly state: 'ok'; readonly data: T; readonly refreshProblem?: Problem }
  | { readonly state: 'error'; readonly problem: Problem };

/** Loads once per change of `key`; `reload` fetches again. */
export function useLoad<T>(load: () => Promise<Answer<T>>, key: string): Loaded<T> & { reload: () => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setLoaded((previous) => (previous.state === 'ok' ? previous : { state: 'loading' }));
    void load().then((answer) => {
      if (!current) return;
      setLoaded((previous) =>
        answer.ok ? { state: 'ok', data: answer.body } : previous.state === 'ok' ? { state: 'ok', data: previous.data, refreshProblem: answer.problem } : { state: 'error', problem: answer.problem },
      );
    });
    return () => {
      current = false;
    };
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...loaded, reload };
}

export function Loading() {
  const { t } = useI18n();
  return (
    <Paragraph role="status" aria-live="polite">
      {t('loading')}
    </Paragraph>
  );
}

/** Dutch for the schema validator's common reasons, where the service gave no reasonNl. */
const DUTCH_REASONS: readonly [RegExp, string][] = [
  [/^is required$/, 'is verplicht'],
  [/^must match pattern .*/, 'heeft niet de juiste vorm'],
  [/^must be one of: (.*)$/, 'moet een van deze waarden zijn: $1'],
  [/^must be (number|integer)$/, 'moet een getal zijn'],
  [/^must be boolean$/, 'moet ja of nee zijn'],
  [/^must be >= (.*)$/, 'moet minstens $1 zijn'],
  [/^must be > (.*)$/, 'moet groter zijn dan $1'],
  [/^must be <= (.*)$/, 'mag hoogstens $1 zijn'],
  [/^must be multiple of (.*)$/, 'moet een veelvoud van $1 zijn'],
  [/^must NOT have fewer than 1 characters$/, 'mag niet leeg zijn'],
  [/^must NOT have more than (\d+) characters$/, 'mag hoogstens $1 tekens lang zijn'],
  [/^must match format "date"$/, 'moet een datum zijn (JJJJ-MM-DD)'],
  [/^must match format "email"$/, 'moet een e-mailadres zijn'],
  [/^unknown field$/, 'onbekend veld'],
  // The services' own refusals on a field that the case-work forms meet most.
  [/^\w+ must not be after today\.$/, 'mag niet na vandaag liggen'],
  [/^.*the date cannot be after today\.$/, 'mag niet na vandaag liggen'],
  [/^A review is recorded after it took place\.$/, 'mag niet na vandaag liggen: een evaluatie legt u vast nadat die is gehouden'],
  [/^The end date cannot be before the start date \((.*)\)\.$/, 'mag niet vóór de startdatum ($1) liggen'],
  [/^(A reason text is required when the reason is 'other'|A job loss for reason 'other' needs a reason text)\.$/, "is verplicht bij de reden 'anders'"],
];

/** The reason of a field issue in the page's language. */
export function useReason(): (issue: FieldIssue) => string {
  const { language } = useI18n();
  return (issue) => {
    if (language !== 'nl') return issue.reason;
    if (issue.reasonNl) return issue.reasonNl;
    const known = DUTCH_REASONS.find(([pattern]) => pattern.test(issue.reason));
    return known ? issue.reason.replace(known[0], known[1]) : issue.reason;
  };
}

/** A service's refusal: its title and detail, and the field issues no field on the form shows. */
export function ProblemAlert({ problem, shownFields = [] }: { readonly problem: Problem; readonly shownFields?: readonly string[] }) {
  const { t } = useI18n();
  const reason = useReason();
  const fieldIssues = problem.errors ?? [];
  const elsewhere = fieldIssues.filter((issue) => !shownFields.some((field) => issue.field === field || issue.field.startsWith(`${field}/`)));
  return (
    <Alert type="error" role="alert">
      <Heading2 className="wcc-alert-heading">{t('errorTitle')}</Heading2>
      <Paragraph>{fieldIssues.length > 0 && elsewhere.length === 0 ? t('fieldErrorsIntro') : problem.detail || problem.title}</Paragraph>
      {elsewhere.length > 0 && fieldIssues.length > 0 && (
        <UnorderedList>
          {elsewhere.map((issue) => (
            <UnorderedListItem key={issue.field}>
              {issue.field}: {reason(issue)}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </Alert>
  );
}

export function Notice({ children }: { readonly children: ReactNode }) {
  return (
    <Alert type="ok" role="status">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}

/** What the service said about one field (JSON pointer such as `/bsn`), if anything. */
export function issueFor(problem: Problem | undefined, field: string): FieldIssue | undefined {
  return problem?.errors?.find((issue) => issue.field === field || issue.field.startsWith(`${field}/`));
}

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** The JSON pointer of the body field, for the service's errors. */
  readonly field: string;
  readonly problem: Problem | undefined;
  readonly description?: string;
  readonly required?: boolean;
}

function FieldShell({
  id,
  label,
  description,
  issue,
  required,
  children,
}: {
  id: string;
  label: string;
  description?: string;
  issue: FieldIssue | undefined;
  required?: boolean;
  children: ReactNode;
}) {
  const reason = useReason();
  const { t } = useI18n();
  return (
    <FormField invalid={issue !== undefined} className="wcc-field">
      <Paragraph className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>
          {label}
          {required ? <span className="wcc-required"> ({t('required')})</span> : null}
        </FormLabel>
      </Paragraph>
      {description ? <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription> : null}
      {issue ? (
        <FormFieldErrorMessage id={`${id}-error`} data-field-error={id}>
          {reason(issue)}
        </FormFieldErrorMessage>
      ) : null}
      <div className="utrecht-form-field__input">{children}</div>
    </FormField>
  );
}

const describedBy = (id: string, description: string | undefined, issue: FieldIssue | undefined) =>
  [description ? `${id}-description` : '', issue ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextField(
  props: FieldProps & {
    readonly type?: 'text' | 'number' | 'date' | 'email';
    readonly multiline?: boolean;
    readonly autoComplete?: string;
    readonly inputMode?: 'numeric' | 'decimal';
    /** Values to pick from while typing (a datalist); the field still takes any text. */
    readonly suggestions?: readonly { readonly value: string; readonly label: string }[];
  },
) {
  const issue = issueFor(props.problem, props.field);
  const common = {
    id: props.id,
    name: props.id,
    value: props.value,
    invalid: issue !== undefined,
    required: props.required,
    'aria-describedby': describedBy(props.id, props.description, issue),
  };
  return (
    <FieldShell id={props.id} label={props.label} description={props.description} issue={issue} required={props.required}>
      {props.multiline ? (
        <Textarea {...common} onChange={(e) => props.onChange(e.target.value)} rows={4} />
      ) : (
        <>
          <Textbox
            {...common}
            type={props.type ?? 'text'}
            inputMode={props.inputMode}
            autoComplete={props.autoComplete ?? 'off'}
            list={props.suggestions && props.suggestions.length > 0 ? `${props.id}-suggestions` : undefined}
            onChange={(e) => props.onChange(e.target.value)}
          />
          {props.suggestions && props.suggestions.length > 0 && (
            <datalist id={`${props.id}-suggestions`}>
              {props.suggestions.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </datalist>
          )}
        </>
      )}
    </FieldShell>
  );
}

export function SelectField(props: FieldProps & { readonly options: readonly { readonly value: string; readonly label: string }[] }) {
  const issue = issueFor(props.problem, props.field);
  return (
    <FieldShell id={props.id} label={props.label} description={props.description} issue={issue} required={props.required}>
      <Select
        id={props.id}
        name={props.id}
        value={props.value}
        invalid={issue !== undefined}
        required={props.required}
        aria-describedby={describedBy(props.id, props.description, issue)}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.options.map((option) => (
          <SelectOption key={option.value} value={option.value}>
            {option.label}
          </SelectOption>
        ))}
      </Select>
    </FieldShell>
  );
}

export function CheckboxGroup(props: {
  readonly id: string;
  readonly legend: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly values: readonly string[];
  readonly onChange: (values: string[]) => void;
  readonly field: string;
  readonly problem: Problem | undefined;
}) {
  const issue = issueFor(props.problem, props.field);
  const reason = useReason();
  return (
    <Fieldset invalid={issue !== undefined} aria-describedby={issue ? `${props.id}-error` : undefined} className="wcc-field">
      <FieldsetLegend>{props.legend}</FieldsetLegend>
      {issue ? (
        <FormFieldErrorMessage id={`${props.id}-error`} data-field-error={props.id}>
          {reason(issue)}
        </FormFieldErrorMessage>
      ) : null}
      {props.options.map((option) => {
        const id = `${props.id}-${option.value}`;
        const checked = props.values.includes(option.value);
        return (
          <FormField type="checkbox" key={option.value} className="wcc-checkbox">
            <Checkbox
              id={id}
              name={props.id}
              value={option.value}
              checked={checked}
              onChange={() => props.onChange(checked ? props.values.filter((v) => v !== option.value) : [...props.values, option.value])}
            />
            <FormLabel htmlFor={id} type="checkbox">
              {option.label}
            </FormLabel>
          </FormField>
        );
      })}
    </Fieldset>
  );
}

export function BooleanField(props: { readonly id: string; readonly label: string; readonly checked: boolean; readonly onChange: (checked: boolean) => void }) {
  return (
    <FormField type="checkbox" className="wcc-checkbox">
      <Checkbox id={props.id} name={props.id} checked={props.checked} onChange={() => props.onChange(!props.checked)} />
      <FormLabel htmlFor={props.id} type="checkbox">
        {props.label}
      </FormLabel>
    </FormField>
  );
}

/** Marks what the viewer's organisation may not see, instead of leaving it out silently. */
export function Withheld({ reason }: { readonly reason: 'consent' | 'role' }) {
  const { t } = useI18n();
  return (
    <Paragraph className="wcc-withheld" data-withheld={reason}>
      {reason === 'consent' ? t('notSharedConsent') : t('notSharedRole')}
    </Paragraph>
  );
}

/** Form state that survives a refused submission: the values stay as the user typed them. */
export function useFormState<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof T>(key: K) =>
    (value: T[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const submit = async <R,>(send: () => Promise<Answer<R>>, onOk: (body: R) => void) => {
    setBusy(true);
    setProblem(undefined);
    const answer = await send();
    setBusy(false);
    if (answer.ok) onOk(answer.body);
    else {
      setProblem(answer.problem);
      // Focus the first field the service named, else the alert (WCAG 3.3.1).
      requestAnimationFrame(() => {
        const target = document.querySelector<HTMLElement>('[aria-invalid="true"], .utrecht-form-field--invalid input, [role="alert"]');
        target?.focus();
      });
    }
  };
  /** A field's value, change handler and the service's refusal, to spread onto TextField or SelectField: `{...form.bind('amount')}`. */
  const bind = <K extends keyof T>(key: K) => ({ value: values[key], onChange: set(key), problem });
  return { values, set, setValues, problem, busy, submit, bind };
}

/** A number typed in a field as a number for the body; what is not a number goes as typed, so the service names it. */
export function numberOrText(value: string): number | string {
  const trimmed = value.trim().replace(',', '.');
  return trimmed !== '' && !Number.isNaN(Number(trimmed)) ? Number(trimmed) : value;
}

/** A table's caption (for screen readers; the section heading says it on screen) and its column heads. */
export function TableHead({ caption, columns }: { readonly caption: string; readonly columns: readonly string[] }) {
  return (
    <>
      <TableCaption className="wcc-visually-hidden">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          {columns.map((column) => (
            <TableHeaderCell key={column} scope="col">
              {column}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
    </>
  );
}
