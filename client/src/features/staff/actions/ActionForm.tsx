import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useT, type Message, type MessageKey } from '../../../i18n';
import { ApiError } from '../../../lib/api-client';
import type { ActionRequest } from '../api';
import { describeStaffError, fieldIssueKey, focusControl, serverFieldIssues } from '../errors';
import { usePetitionAction, useRefreshPetitions } from '../queries';

export type FieldErrors = Partial<Record<string, MessageKey>>;
export type Fields = {
  /** The control's id: `${action}-${path}`, so a server error on `path` lands next to it. */
  id: (path: string) => string;
  error: (path: string) => string | undefined;
};
export type Notify = (message: Message, kind?: 'success' | 'error') => void;

type Props = {
  petitionId: string;
  /** Names the form's ids and its `data-action`. */
  action: string;
  title: string;
  intro?: ReactNode;
  submitLabel: string;
  success: MessageKey;
  notify: Notify;
  request: () => ActionRequest;
  validate?: () => FieldErrors;
  /** Our words for a field the server refused ("no petition has this number"), instead of the generic ones. */
  fieldMessages?: FieldErrors;
  onSuccess?: () => void;
  children: (fields: Fields) => ReactNode;
  /** More buttons that post their own request (assign to the least-loaded officer). */
  extra?: (run: (request: ActionRequest) => void, pending: boolean) => ReactNode;
  headingLevel?: 'h3' | 'h4';
  /** The request fields this form shows next to a control. */
  fieldPaths?: string[];
};

/**
 * One action of the petition page: its fields, client-side checks, the POST, and what happens next: success
 * and conflicts go to the page's message (the petition is refetched), field errors stay next to the field.
 */
export function ActionForm(props: Props) {
  const { petitionId, action, title, intro, submitLabel, success, notify, request, validate, fieldMessages, onSuccess, children, extra } = props;
  const { t, tm } = useT();
  const mutation = usePetitionAction(petitionId);
  const refresh = useRefreshPetitions();
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [focusAttempt, setFocusAttempt] = useState(0);
  const Heading = props.headingLevel ?? 'h3';
  const id = (path: string) => `${action}-${path}`;

  const serverIssues = serverFieldIssues(mutation.error);
  const error = (path: string): string | undefined => {
    const own = clientErrors[path];
    if (own) return t(own);
    const code = serverIssues.get(path);
    if (code === undefined) return undefined;
    return t(fieldMessages?.[path] ?? fieldIssueKey(code));
  };

  // After a failed submit the focus goes to the first field in error, where the message is read out.
  useEffect(() => {
    if (focusAttempt === 0) return;
    const first = Object.keys(clientErrors)[0] ?? [...serverFieldIssues(mutation.error).keys()][0];
    if (first) focusControl(id(first));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusAttempt]);

  const run = (req: ActionRequest) => {
    if (mutation.isPending) return;
    // The promise, not mutate's callbacks: an action that succeeds usually removes its own form (the
    // petition moved on), and mutate's callbacks are skipped once the form has unmounted.
    mutation.mutateAsync(req).then(
      () => {
        notify({ key: success }, 'success');
        onSuccess?.();
      },
      (err: unknown) => {
        if (err instanceof ApiError && (err.status === 409 || err.status === 404)) {
          // Someone else acted first (or it left our reach): say so at the top and show the new state.
          notify(describeStaffError(err), 'error');
          void refresh();
          return;
        }
        setFocusAttempt((n) => n + 1);
      },
    );
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate?.() ?? {};
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      mutation.reset();
      setFocusAttempt((n) => n + 1);
      return;
    }
    run(request());
  };

  const apiError = mutation.error instanceof ApiError ? mutation.error : null;
  const handledAtTop = apiError !== null && (apiError.status === 409 || apiError.status === 404);
  // A refused field that this form does not show (or no field at all) is told in a general message.
  const unshown = [...serverIssues.keys()].filter((path) => !(props.fieldPaths ?? []).includes(path));
  const general: Message | null = mutation.isError && !handledAtTop && (serverIssues.size === 0 || unshown.length > 0) ? describeStaffError(mutation.error) : null;

  return (
    // Not a landmark each: the headings already structure the actions for screen reader users.
    <section className="action" data-action={action}>
      <Heading id={`${action}-title`} className="action__title">
        {title}
      </Heading>
      {intro && <div className="hint action__intro">{intro}</div>}
      <form noValidate onSubmit={onSubmit}>
        {children({ id, error })}
        {general && (
          <p className="inline-alert" role="alert">
            {tm(general)}
          </p>
        )}
        <div className="action__buttons">
          <button type="submit" className="button button--primary" aria-disabled={mutation.isPending || undefined}>
            {submitLabel}
          </button>
          {extra?.(run, mutation.isPending)}
          {mutation.isPending && (
            <span role="status" className="muted">
              {t('action.sending')}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
