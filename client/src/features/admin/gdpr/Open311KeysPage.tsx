// "Chei API Open311" (issue 6 §7): the keys other civic software uses to send reports through
// /open311/v2/. A new key is shown once, with a copy button; only its SHA-256 is kept. Revoking asks first.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { OPEN311_KEY_NAME_MAX } from '../../../../../shared/api/open311';
import { FormField } from '../../../components/FormField';
import { useT, type Message } from '../../../i18n';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import { ApiError } from '../../../lib/api-client';
import { StaffPage } from '../../staff/components/StaffPage';
import { describeAdminError, usePageFlash } from '../form-helpers';
import { useCreateOpen311Key, useOpen311Keys, useRevokeOpen311Key, type Open311Key } from './api';

export function Open311KeysPage() {
  const { t, tm } = useT();
  const keys = useOpen311Keys();
  const flash = usePageFlash();
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);

  return (
    <StaffPage title={t('open311.title')}>
      <p className="lead">{t('open311.intro')}</p>
      {flash.element}
      {created && <CreatedKey name={created.name} value={created.key} onDone={() => setCreated(null)} />}
      <CreateKeyForm
        onCreated={(name, key) => {
          flash.clear();
          setCreated({ name, key });
        }}
      />
      <section aria-labelledby="open311-list-title">
        <h2 id="open311-list-title">{t('open311.list')}</h2>
        {keys.isPending && <p role="status">{t('common.loading')}</p>}
        {keys.isError && (
          <div className="notice notice--error" role="alert">
            <p>{tm(describeAdminError(keys.error))}</p>
            <button type="button" className="button button--secondary" onClick={() => void keys.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        )}
        {keys.data &&
          (keys.data.items.length === 0 ? (
            <p>{t('open311.empty')}</p>
          ) : (
            <KeysTable
              items={keys.data.items}
              onRevoked={(name) => {
                setCreated(null);
                flash.show({ key: 'open311.revokedDone', vars: { name } });
              }}
              onError={(m) => flash.show(m, 'error')}
            />
          ))}
      </section>
    </StaffPage>
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (name: string, key: string) => void }) {
  const { t, tm } = useT();
  const create = useCreateOpen311Key();
  const [name, setName] = useState('');
  const [error, setError] = useState<Message | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clean = name.trim().replace(/\s+/g, ' ');
    if (clean.length < 2 || clean.length > OPEN311_KEY_NAME_MAX) {
      setError({ key: 'open311.name.err' });
      document.getElementById('open311-name')?.focus();
      return;
    }
    if (create.isPending) return;
    setError(null);
    create.mutate(clean, {
      onSuccess: (result) => {
        setName('');
        onCreated(result.apiKey.name, result.key);
      },
      onError: (e) => {
        if (e instanceof ApiError && e.code === 'open311_keys.name_taken') setError({ key: 'open311.name.taken' });
        else if (e instanceof ApiError && e.status === 400) setError({ key: 'open311.name.err' });
        else return;
        document.getElementById('open311-name')?.focus();
      },
    });
  };
  const general = create.isError && !(create.error instanceof ApiError && (create.error.code === 'open311_keys.name_taken' || create.error.status === 400));

  return (
    <section aria-labelledby="open311-create-title" className="panel">
      <h2 id="open311-create-title">{t('open311.create')}</h2>
      {general && (
        <p className="notice notice--error" role="alert">
          {tm(describeAdminError(create.error))}
        </p>
      )}
      <form className="narrow-form" noValidate onSubmit={onSubmit}>
        <FormField id="open311-name" label={t('open311.name')} hint={t('open311.name.hint')} error={error ? tm(error) : undefined} required>
          {(c) => <input {...c} type="text" autoComplete="off" maxLength={OPEN311_KEY_NAME_MAX * 2} value={name} onChange={(e) => setName(e.target.value)} />}
        </FormField>
        <button type="submit" className="button button--primary" aria-disabled={create.isPending || undefined}>
          {t('open311.submit')}
        </button>
      </form>
    </section>
  );
}

/** The new key, this once: focused, announced, selectable, with a copy button and a warning. */
function CreatedKey({ name, value, onDone }: { name: string; value: string; onDone: () => void }) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  useEffect(() => ref.current?.focus(), []);

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      const input = document.getElementById('open311-created-key') as HTMLInputElement | null;
      input?.select();
      setCopied('failed');
    }
  };

  return (
    <div ref={ref} tabIndex={-1} className="notice notice--success open311-created" role="status" data-testid="open311-created">
      <h2 className="notice__title">{t('open311.created.title', { name })}</h2>
      <p>
        <strong>{t('open311.created.warning')}</strong>
      </p>
      <label htmlFor="open311-created-key" className="label">
        {t('open311.created.label')}
      </label>
      <div className="open311-created__row">
        <input id="open311-created-key" type="text" readOnly value={value} spellCheck={false} className="input--code" onFocus={(e) => e.currentTarget.select()} data-testid="open311-key" />
        <button type="button" className="button button--primary" onClick={() => void onCopy()}>
          {t('open311.copy')}
        </button>
      </div>
      <p aria-live="polite" className="hint">
        {copied === 'yes' ? t('open311.copied') : copied === 'failed' ? t('open311.copyFailed') : ''}
      </p>
      <button type="button" className="button button--secondary button--small" onClick={onDone}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}

function KeysTable({ items, onRevoked, onError }: { items: Open311Key[]; onRevoked: (name: string) => void; onError: (m: Message) => void }) {
  const { t, lang } = useT();
  const revoke = useRevokeOpen311Key();
  const [confirming, setConfirming] = useState<string | null>(null);
  const cols = {
    name: t('open311.col.name'),
    prefix: t('open311.col.prefix'),
    created: t('open311.col.created'),
    lastUsed: t('open311.col.lastUsed'),
    requests: t('open311.col.requests'),
    status: t('open311.col.status'),
    actions: t('open311.col.actions'),
  };

  const onRevoke = (key: Open311Key) => {
    if (revoke.isPending) return;
    revoke.mutate(key.id, {
      onSuccess: () => {
        setConfirming(null);
        onRevoked(key.name);
      },
      onError: (e) => {
        setConfirming(null);
        onError(e instanceof ApiError && e.code === 'open311_keys.revoked' ? { key: 'open311.alreadyRevoked' } : describeAdminError(e));
      },
    });
  };

  return (
    <div className="table-wrap">
      <table className="queue-table">
        <caption className="visually-hidden">{t('open311.list')}</caption>
        <thead>
          <tr>
            {Object.values(cols).map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((k) => (
            <tr key={k.id} data-testid="open311-key-row" data-name={k.name} data-revoked={k.revokedAt ? 'true' : 'false'}>
              <th scope="row" data-label={cols.name}>
                <span className="break">{k.name}</span>
              </th>
              <td data-label={cols.prefix}>
                <code>{k.prefix}…</code>
              </td>
              <td data-label={cols.created}>
                <span>{formatDateTime(k.createdAt, lang)}</span>
                {k.createdBy && <span className="cell-note">{t('open311.createdBy', { who: k.createdBy.name })}</span>}
              </td>
              <td data-label={cols.lastUsed}>{k.lastUsedAt ? formatDateTime(k.lastUsedAt, lang) : <span className="muted">{t('open311.never')}</span>}</td>
              <td data-label={cols.requests}>{formatNumber(k.requests, lang)}</td>
              <td data-label={cols.status}>
                {k.revokedAt ? (
                  <>
                    <span className="tag tag--warning">{t('open311.revoked')}</span>
                    <span className="cell-note">{t('open311.revokedAt', { at: formatDateTime(k.revokedAt, lang) })}</span>
                  </>
                ) : (
                  <span className="tag tag--success">{t('open311.active')}</span>
                )}
              </td>
              <td data-label={cols.actions}>
                {!k.revokedAt &&
                  (confirming === k.id ? (
                    <div className="open311-revoke">
                      <p>{t('open311.revokeConfirm', { name: k.name })}</p>
                      <div className="row-buttons">
                        <button type="button" className="button button--primary button--small" aria-disabled={revoke.isPending || undefined} onClick={() => onRevoke(k)}>
                          {t('open311.revokeYes')}
                        </button>
                        <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(null)}>
                          {t('common.cancel')}
                        </button>
                      </div>
                    </div>
                  ) : (
                    <button type="button" className="button button--secondary button--small" aria-label={t('open311.revokeLabel', { name: k.name })} onClick={() => setConfirming(k.id)}>
                      {t('open311.revoke')}
                    </button>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
