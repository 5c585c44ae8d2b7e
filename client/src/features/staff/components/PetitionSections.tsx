// The read-only parts of the petition page: clocks, facts, attachments, similar petitions, timeline.
import type { LegalCalendar } from '../../../../../shared/domain/calendar';
import { clockApplies } from '../../../../../shared/domain/clock-rules';
import { PETITION_TYPE_LABELS, STATUS_LABELS, type PetitionType, type PetitionStatus } from '../../../../../shared/domain/petition-codes';
import { useT, type MessageKey } from '../../../i18n';
import { formatBytes, formatDate, formatDateTime } from '../../../i18n/format';
import { Link } from '../../../router';
import { clockBadgeState } from '../deadlines';
import { staffPaths } from '../paths';
import { ROLE_LABELS } from '../roles';
import type { PetitionDetail } from '../schemas';
import type { StaffRole } from '../../../../../shared/api/admin';
import { ClockBadge, CountdownText } from './ClockBadge';

type ClockProps = { petition: PetitionDetail; today: string; calendar: LegalCalendar | null };

export function Clocks({ petition, today, calendar }: ClockProps) {
  const { t, lang } = useT();
  const paused = petition.internalPausedAt !== null;
  const rows: { clock: 'legal' | 'internal' | 'forward'; label: MessageKey; dueOn: string }[] = [{ clock: 'legal', label: 'clocks.legal', dueOn: petition.legalDueOn }];
  if (petition.internalDueOn) rows.push({ clock: 'internal', label: 'clocks.internal', dueOn: petition.internalDueOn });
  if (petition.forwardDueOn && petition.status === 'registered') rows.push({ clock: 'forward', label: 'clocks.forward', dueOn: petition.forwardDueOn });
  return (
    <section aria-labelledby="clocks-title" className="panel">
      <h2 id="clocks-title">{t('clocks.title')}</h2>
      <dl className="clock-list">
        {rows.map((row) => {
          // The internal clock counts as running while paused so that its badge says "Suspendat".
          const running = clockApplies({ clock: row.clock, status: petition.status, internalPaused: false });
          const state = calendar ? clockBadgeState({ ...row, today, calendar, running, paused: row.clock === 'internal' && paused }) : null;
          return (
            <div key={row.clock} className="clock-list__item" data-testid={`clock-${row.clock}`}>
              <dt>{t(row.label)}</dt>
              <dd>
                <time dateTime={row.dueOn} className="clock-list__date">
                  {formatDate(row.dueOn, lang)}
                </time>
                {state && state !== 'none' && <ClockBadge state={state} />}
                {running && !(row.clock === 'internal' && paused) && <CountdownText dueOn={row.dueOn} today={today} calendar={calendar} />}
              </dd>
            </div>
          );
        })}
      </dl>
      {petition.extendedAt && <p className="hint">{t('clocks.extended', { date: formatDateTime(petition.extendedAt, lang) })}</p>}
      {paused && petition.internalPausedAt && <p className="hint">{t('clocks.paused', { date: formatDateTime(petition.internalPausedAt, lang) })}</p>}
    </section>
  );
}

const CHANNEL_LABELS: Record<string, MessageKey> = {
  web: 'channel.web',
  phone: 'channel.phone',
  email: 'channel.email',
  post: 'channel.post',
  desk: 'channel.desk',
  open311: 'channel.open311',
};

const FILED_LABELS: Record<string, MessageKey> = {
  anonymous: 'file.reason.anonymous',
  repeated: 'file.reason.repeated',
  withdrawn: 'file.reason.withdrawn',
};

export function Facts({ petition }: { petition: PetitionDetail }) {
  const { t, lang } = useT();
  const typeLabel = PETITION_TYPE_LABELS[petition.type as PetitionType]?.[lang] ?? petition.type;
  const channel = CHANNEL_LABELS[petition.channel];
  const facts: { label: string; value: string; testId?: string }[] = [
    { label: t('facts.type'), value: typeLabel },
    { label: t('facts.regime'), value: t(petition.regime === 'l544' ? 'facts.regime.l544' : 'facts.regime.og27') },
    { label: t('facts.channel'), value: channel ? t(channel) : petition.channel },
    { label: t('facts.category'), value: petition.category.name[lang] },
    {
      label: t('facts.department'),
      value: petition.department ? `${petition.department.code} — ${petition.department.name ?? ''}` : t('facts.department.none'),
      testId: 'petition-department',
    },
    { label: t('facts.assignee'), value: petition.assignee?.name ?? t('facts.assignee.none'), testId: 'petition-assignee' },
    { label: t('facts.registeredAt'), value: formatDateTime(petition.registeredAt, lang) },
    { label: t('facts.identified'), value: t(petition.identified ? 'facts.identified.yes' : 'facts.identified.no') },
  ];
  if (petition.institution) facts.push({ label: t('facts.institution'), value: `${petition.institution.code} — ${petition.institution.name ?? ''}` });
  if (petition.concernsUser) {
    const role = ROLE_LABELS[petition.concernsUser.role as StaffRole];
    facts.push({ label: t('facts.concerns'), value: role ? `${petition.concernsUser.name} (${t(role)})` : petition.concernsUser.name });
  }
  if (petition.filedReason) {
    const filed = FILED_LABELS[petition.filedReason];
    facts.push({ label: t('facts.filedReason'), value: filed ? t(filed) : petition.filedReason });
  }
  return (
    <section aria-labelledby="facts-title" className="panel">
      <h2 id="facts-title">{t('facts.title')}</h2>
      <dl className="facts facts--compact">
        {facts.map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd data-testid={f.testId}>{f.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function Attachments({ petition }: { petition: PetitionDetail }) {
  const { t, lang } = useT();
  return (
    <section aria-labelledby="attachments-title" className="panel">
      <h2 id="attachments-title">{t('attachments.title')}</h2>
      {petition.attachments.length === 0 ? (
        <p className="muted">{t('attachments.none')}</p>
      ) : (
        <ul className="plain-list">
          {petition.attachments.map((a) => (
            <li key={a.id}>
              <span className="file__name">{a.fileName}</span> <span className="muted">({formatBytes(a.size, lang)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function RepeatCandidates({ petition }: { petition: PetitionDetail }) {
  const { t, lang } = useT();
  if (petition.repeatCandidates.length === 0) return null;
  return (
    <section aria-labelledby="candidates-title" className="panel">
      <h2 id="candidates-title">{t('candidates.title')}</h2>
      <p className="hint">{t('candidates.intro')}</p>
      <ul className="plain-list">
        {petition.repeatCandidates.map((c) => (
          <li key={c.id} data-testid="repeat-candidate">
            <Link to={staffPaths.petition(c.id)} className="nowrap">
              {c.registrationNumber}
            </Link>{' '}
            — {c.subject}
            <br />
            <span className="muted">
              {formatDate(c.registeredAt, lang)} · {STATUS_LABELS[c.status as PetitionStatus]?.[lang] ?? c.status} ·{' '}
              {t('candidates.similarity', { n: Math.round(c.similarity * 100) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function StaffTimeline({ petition }: { petition: PetitionDetail }) {
  const { t, lang } = useT();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <ol className="timeline" data-testid="timeline">
        {petition.timeline.map((event) => (
          <li key={event.id} className="timeline__event" data-type={event.type}>
            <time dateTime={event.at} className="timeline__date">
              {formatDateTime(event.at, lang)}
              {event.actorName ? ` · ${event.actorName}` : ''}
            </time>
            <span className="timeline__text">{event.text[lang]}</span>
            {event.public && <span className="tag tag--public">{t('timeline.public')}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
