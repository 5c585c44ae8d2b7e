import type { TrackResponse } from '../../../../shared/api/petitions';
import { Page } from '../../components/Page';
import { useT } from '../../i18n';
import { formatDate, formatDateTime } from '../../i18n/format';
import { ApiError } from '../../lib/api-client';
import { describeApiError } from '../../lib/api-messages';
import { Link } from '../../router';
import { useTracking } from './queries';
import { Timeline } from './Timeline';
import { normalizeRegistrationNumber, normalizeTrackingCode } from './tracking-codes';

type Props = { number: string; code: string };

export function TrackingPage(props: Props) {
  const { t, tm } = useT();
  // A malformed number or code cannot exist: ask the server anyway with what was typed, it answers 404.
  const number = normalizeRegistrationNumber(props.number) ?? props.number;
  const code = normalizeTrackingCode(props.code) ?? props.code;
  const tracking = useTracking(number, code);
  const notFound = tracking.error instanceof ApiError && tracking.error.status === 404;
  const title = notFound ? t('track.notFound') : t('track.title', { number });

  return (
    <Page title={title} heading={notFound ? title : <TitleWithNumber number={number} />}>
      {tracking.isPending && <p role="status">{t('common.loading')}</p>}
      {notFound && (
        <div className="notice notice--warning" data-testid="not-found">
          <p>{t('track.notFound.hint')}</p>
          <p className="actions">
            <Link to={`/cod-pierdut?numar=${encodeURIComponent(number)}`} className="button button--primary">
              {t('track.lost')}
            </Link>
            <Link to="/urmarire" className="button button--secondary">
              {t('track.again')}
            </Link>
          </p>
        </div>
      )}
      {tracking.isError && !notFound && (
        <div className="notice notice--error" role="alert">
          <p>
            {t('track.loadError')} {tm(describeApiError(tracking.error))}
          </p>
          <button type="button" className="button button--secondary" onClick={() => void tracking.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {tracking.data && <TrackingDetails petition={tracking.data} />}
    </Page>
  );
}

// The number must not break at its dashes ("P-2026-" / "000123") on a narrow screen.
function TitleWithNumber({ number }: { number: string }) {
  const { t } = useT();
  const [before = '', after = ''] = t('track.title', { number: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      <span className="nowrap">{number}</span>
      {after}
    </>
  );
}

function TrackingDetails({ petition }: { petition: TrackResponse }) {
  const { t, lang } = useT();
  const { answer, handler } = petition;
  return (
    <>
      <p className="status-line">
        {t('track.status')}:{' '}
        <strong className="status-badge" data-testid="status" data-status={petition.status}>
          {petition.statusLabel[lang]}
        </strong>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('track.registeredAt')}</dt>
          <dd>{formatDateTime(petition.registeredAt, lang)}</dd>
        </div>
        <div>
          <dt>{t('track.dueOn')}</dt>
          <dd data-testid="due-on">{formatDate(petition.dueOn, lang)}</dd>
        </div>
        <div>
          <dt>{t('track.handler')}</dt>
          <dd>{handler ? `${handler.code} — ${handler.name}` : t('track.handler.none')}</dd>
        </div>
      </dl>
      {answer && (
        <section className="answer" aria-labelledby="answer-title" data-testid="answer">
          <h2 id="answer-title">{t('track.answer')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('track.answer.dispatchedAt')}</dt>
              <dd>{formatDateTime(answer.dispatchedAt, lang)}</dd>
            </div>
            <div>
              <dt>{t('track.answer.legalBasis')}</dt>
              <dd>{answer.legalBasis}</dd>
            </div>
          </dl>
          {/* The server sanitises the answer (paragraphs, emphasis, lists, links) before it leaves the API. */}
          <div className="answer-body" lang="ro" dangerouslySetInnerHTML={{ __html: answer.body }} />
          {/* The signed letter, printable; only a link of our own (the code in it is the citizen's). */}
          {answer.letterUrl && /^\/api\//.test(answer.letterUrl) && (
            <p className="actions">
              <a className="button button--secondary" href={answer.letterUrl} target="_blank" rel="noopener" data-testid="answer-letter">
                {t('track.answer.letter')}
                <span className="visually-hidden"> {t('common.newTab')}</span>
              </a>
            </p>
          )}
        </section>
      )}
      <Timeline events={petition.events} />
    </>
  );
}
