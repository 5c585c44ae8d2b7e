// The assigned officer writes the answer (issue 4 §1): the text in a small rich-text editor, the legal basis
// as its own required field, for a Legea 544 request also its kind; saved as a draft or sent for approval.
import { useEffect, useState, type FormEvent } from 'react';
import { FieldError, FormField, RequiredMark } from '../../components/FormField';
import { RadioGroup } from '../../components/RadioGroup';
import { useT, type Lang, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { ApiError } from '../../lib/api-client';
import type { Notify } from '../staff/actions/ActionForm';
import { describeStaffError, fieldIssueKey, focusControl, serverFieldIssues } from '../staff/errors';
import { useRefreshPetitions } from '../staff/queries';
import type { PetitionDetail } from '../staff/schemas';
import { answerText, cleanAnswerHtml } from './answer-html';
import { authorityKey, KIND_HINTS, KIND_LABELS } from './answer-labels';
import { useSaveAnswer } from './queries';
import { RichTextEditor } from './RichTextEditor';
import { ANSWER_KINDS, type AnswerKind, type CurrentAnswer, type PetitionTemplate } from './schemas';
import { TemplatePicker } from './TemplatePicker';

type Props = { petition: PetitionDetail; current: CurrentAnswer | null; notify: Notify };
type Errors = Partial<Record<'body' | 'legalBasis' | 'kind', MessageKey>>;

const CONTROL_IDS: Record<keyof Errors, string> = { body: 'answer-body', legalBasis: 'answer-legalBasis', kind: 'answer-kind' };

export function DraftPanel({ petition, current, notify }: Props) {
  const { t, tm, lang } = useT();
  const l544 = petition.regime === 'l544';
  const [kind, setKind] = useState<AnswerKind>(current?.kind ?? 'answer');
  const [body, setBody] = useState(current?.body ?? '');
  const [legalBasis, setLegalBasis] = useState(current?.legalBasis ?? '');
  const [dirty, setDirty] = useState(false);
  const [applied, setApplied] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [focusAttempt, setFocusAttempt] = useState(0);
  const save = useSaveAnswer(petition.id);
  const refresh = useRefreshPetitions();

  const serverIssues = serverFieldIssues(save.error);
  const error = (path: keyof Errors): string | undefined => {
    const own = errors[path];
    if (own) return t(own);
    const code = serverIssues.get(path);
    return code === undefined ? undefined : t(path === 'body' && code === 'invalid' ? 'answer.body.required' : fieldIssueKey(code));
  };

  // After a refused save the focus goes to the first field in error, where its message is read out.
  useEffect(() => {
    if (focusAttempt === 0) return;
    const first = (['kind', 'body', 'legalBasis'] as const).find((p) => errors[p] || serverFieldIssues(save.error).has(p));
    if (first) focusControl(CONTROL_IDS[first]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusAttempt]);

  const send = (submit: boolean) => {
    if (save.isPending) return;
    const html = cleanAnswerHtml(body);
    const found: Errors = {};
    if (!answerText(html)) found.body = 'answer.body.required';
    if (legalBasis.trim().length < 3) found.legalBasis = 'answer.legalBasis.required';
    setErrors(found);
    if (Object.keys(found).length > 0) {
      save.reset();
      setFocusAttempt((n) => n + 1);
      return;
    }
    // The promise, not mutate's callbacks: once submitted, this panel unmounts (the officer may no longer
    // draft), and mutate's callbacks would be skipped; the page's message must still say it worked.
    save.mutateAsync({ input: { body: html, legalBasis: legalBasis.trim(), ...(l544 ? { kind } : {}) }, submit }).then(
      () => {
        setDirty(false);
        notify({ key: submit ? 'answer.submitted' : 'answer.saved' });
      },
      (err: unknown) => {
        if (err instanceof ApiError && (err.status === 409 || err.status === 404)) {
          notify(describeStaffError(err), 'error');
          void refresh();
          return;
        }
        setFocusAttempt((n) => n + 1);
      },
    );
  };

  const applyTemplate = (template: PetitionTemplate) => {
    setBody(template.body);
    setLegalBasis(template.legalBasis);
    setDirty(true);
    setApplied(template.title);
    focusControl('answer-body');
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send(false); // Enter in a field saves; sending for approval is its own button
  };

  const unshown = [...serverIssues.keys()].some((p) => !(p in CONTROL_IDS));
  const handledAtTop = save.error instanceof ApiError && (save.error.status === 409 || save.error.status === 404);
  const general = save.isError && !handledAtTop && (serverIssues.size === 0 || unshown) ? tm(describeStaffError(save.error)) : null;
  const bodyError = error('body');
  const rejection = lastRejection(petition, lang);

  return (
    <section className="action answer-draft" data-action="draft" aria-labelledby="answer-draft-title" data-testid="answer-draft">
      <h3 id="answer-draft-title" className="action__title">
        {t('answer.draft.title')}
      </h3>
      {rejection && (
        <div className="notice notice--warning" data-testid="answer-rejected">
          <p className="notice__title">{t('answer.rejected')}</p>
          <p>
            {rejection.text} <span className="muted">({rejection.by})</span>
          </p>
        </div>
      )}
      <p className="hint action__intro">{t('answer.draft.intro', { authority: t(authorityKey(petition)) })}</p>
      <form noValidate onSubmit={onSubmit}>
        {l544 && (
          <RadioGroup<AnswerKind>
            name="answer-kind"
            legend={t('answer.kind')}
            required
            value={kind}
            onChange={(k) => {
              setKind(k);
              setDirty(true);
            }}
            error={error('kind')}
            options={ANSWER_KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]), hint: t(KIND_HINTS[k]) }))}
          />
        )}
        <TemplatePicker petitionId={petition.id} kind={kind} onApply={applyTemplate} />
        <p role="status" className="template-picker__applied">
          {applied && t('answer.template.applied', { title: applied })}
        </p>
        <div className={bodyError ? 'field field--error' : 'field'}>
          <span id="answer-body-label" className="label">
            {t('answer.body')}
            <RequiredMark />
          </span>
          <div id="answer-body-hint" className="hint">
            {t('answer.body.hint')}
          </div>
          {bodyError && <FieldError id="answer-body-error" message={bodyError} />}
          <RichTextEditor
            id="answer-body"
            labelId="answer-body-label"
            describedBy={bodyError ? 'answer-body-hint answer-body-error' : 'answer-body-hint'}
            invalid={Boolean(bodyError)}
            required
            value={body}
            onChange={(html) => {
              setBody(html);
              setDirty(true);
            }}
          />
        </div>
        <FormField id="answer-legalBasis" label={t('answer.legalBasis')} hint={t('answer.legalBasis.hint')} error={error('legalBasis')} required>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              maxLength={1000}
              value={legalBasis}
              onChange={(e) => {
                setLegalBasis(e.target.value);
                setDirty(true);
              }}
            />
          )}
        </FormField>
        {general && (
          <p className="inline-alert" role="alert">
            {general}
          </p>
        )}
        <div className="action__buttons">
          <button type="button" className="button button--primary" aria-disabled={save.isPending || undefined} onClick={() => send(true)}>
            {t('answer.submit')}
          </button>
          <button type="submit" className="button button--secondary" aria-disabled={save.isPending || undefined}>
            {t('answer.save')}
          </button>
          {save.isPending && (
            <span role="status" className="muted">
              {t('action.sending')}
            </span>
          )}
          {dirty && !save.isPending && <span className="muted">{t('answer.unsaved')}</span>}
        </div>
      </form>
    </section>
  );
}

/** The reason the answer came back, when the last thing that happened to it was a refusal. */
function lastRejection(petition: PetitionDetail, lang: Lang): { text: string; by: string } | null {
  const events = petition.timeline.filter((e) => e.type.startsWith('answer.'));
  const last = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).at(-1);
  if (!last || last.type !== 'answer.rejected') return null;
  return { text: last.text[lang], by: [last.actorName, formatDateTime(last.at, lang)].filter(Boolean).join(', ') };
}
