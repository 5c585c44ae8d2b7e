// "Rapoarte" (issue 6 §3): the half-yearly petition report (OG 27/2002) for a half-year or any period, and
// the annual Legea 544/2001 report, as readable tables, with the same report as CSV and as a printable
// document (both made by the server from the same figures).
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { CountLine, InformationReport, PetitionReport } from '../../../../shared/api/reports';
import { bucharestDateOf } from '../../../../shared/domain/dates';
import { PETITION_TYPE_LABELS, type PetitionType } from '../../../../shared/domain/petition-codes';
import { useT, type MessageKey, type Translate } from '../../i18n';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { StaffPage } from '../staff/components/StaffPage';
import { describeStaffError } from '../staff/errors';
import { fetchInformationReport, fetchPetitionReport, informationReportUrl, petitionReportUrl, type PetitionPeriod } from './api';

const reportKeys = {
  petitions: (period: PetitionPeriod) => ['reports', 'petitions', period] as const,
  information: (year: number) => ['reports', 'information', year] as const,
};

type Half = { code: string; year: number; n: 1 | 2; from: string; to: string };

function halfOf(date: string): Half {
  const year = Number(date.slice(0, 4));
  const n = date.slice(5, 7) <= '06' ? 1 : 2;
  return makeHalf(year, n);
}

function makeHalf(year: number, n: 1 | 2): Half {
  return { code: `${year}-H${n}`, year, n, from: n === 1 ? `${year}-01-01` : `${year}-07-01`, to: n === 1 ? `${year}-06-30` : `${year}-12-31` };
}

/** The current half-year and the five before it, newest first. */
function recentHalves(today: string): Half[] {
  const halves: Half[] = [];
  let h = halfOf(today);
  for (let i = 0; i < 6; i++) {
    halves.push(h);
    h = h.n === 2 ? makeHalf(h.year, 1) : makeHalf(h.year - 1, 2);
  }
  return halves;
}

export function ReportsPage() {
  const { t } = useT();
  return (
    <StaffPage title={t('reports.title')}>
      <p className="lead">{t('reports.intro')}</p>
      <PetitionReportSection />
      <InformationReportSection />
    </StaffPage>
  );
}

// ---------------------------------------------------------------------------------------------------------
// The half-yearly petition report

function PetitionReportSection() {
  const { t, tm, lang } = useT();
  const today = bucharestDateOf(new Date());
  const halves = recentHalves(today);
  const [mode, setMode] = useState<'half' | 'custom'>('half');
  const [half, setHalf] = useState(halves[0]!.code);
  const [from, setFrom] = useState(halves[0]!.from);
  const [to, setTo] = useState(today);
  const [dateError, setDateError] = useState(false);
  const [period, setPeriod] = useState<PetitionPeriod>({ half: halves[0]!.code });
  const report = useQuery({ queryKey: reportKeys.petitions(period), queryFn: ({ signal }) => fetchPetitionReport(period, signal) });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mode === 'half') {
      setDateError(false);
      setPeriod({ half });
      return;
    }
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
    setDateError(!valid);
    if (!valid) {
      document.getElementById('report-from')?.focus();
      return;
    }
    setPeriod({ from, to });
  };

  const halfLabel = (h: Half) => t('reports.half.option', { n: t(h.n === 1 ? 'reports.half.1' : 'reports.half.2'), year: h.year, range: `${formatDate(h.from, lang)} – ${formatDate(h.to, lang)}` });

  return (
    <section aria-labelledby="report-petitions-title" className="report-section" data-testid="petition-report">
      <h2 id="report-petitions-title">{t('reports.petitions.title')}</h2>
      <p>{t('reports.petitions.intro')}</p>
      <form className="report-form" noValidate onSubmit={onSubmit} aria-label={t('reports.petitions.title')}>
        <fieldset className="fieldset report-form__mode">
          <legend className="label">{t('reports.period')}</legend>
          <div className="radio">
            <input type="radio" id="report-mode-half" name="report-mode" checked={mode === 'half'} onChange={() => setMode('half')} />
            <label htmlFor="report-mode-half">{t('reports.period.half')}</label>
          </div>
          <div className="radio">
            <input type="radio" id="report-mode-custom" name="report-mode" checked={mode === 'custom'} onChange={() => setMode('custom')} />
            <label htmlFor="report-mode-custom">{t('reports.period.custom')}</label>
          </div>
        </fieldset>
        {mode === 'half' ? (
          <div className="field">
            <label htmlFor="report-half" className="label">
              {t('reports.half')}
            </label>
            <select id="report-half" value={half} onChange={(e) => setHalf(e.target.value)}>
              {halves.map((h) => (
                <option key={h.code} value={h.code}>
                  {halfLabel(h)}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className={dateError ? 'field field--error' : 'field'}>
            {dateError && (
              <p id="report-dates-error" className="error-message">
                <span className="visually-hidden">{t('common.error')}: </span>
                {t('reports.err.dates')}
              </p>
            )}
            <div className="report-form__dates">
              <div>
                <label htmlFor="report-from" className="label">
                  {t('reports.from')}
                </label>
                <input id="report-from" type="date" value={from} max={today} onChange={(e) => setFrom(e.target.value)} aria-invalid={dateError || undefined} aria-describedby={dateError ? 'report-dates-error' : undefined} />
              </div>
              <div>
                <label htmlFor="report-to" className="label">
                  {t('reports.to')}
                </label>
                <input id="report-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={dateError || undefined} aria-describedby={dateError ? 'report-dates-error' : undefined} />
              </div>
            </div>
          </div>
        )}
        <div className="report-form__buttons">
          <button type="submit" className="button button--primary">
            {t('reports.show')}
          </button>
        </div>
      </form>

      {report.isPending && <p role="status">{t('common.loading')}</p>}
      {report.isError && (
        <div className="notice notice--error" role="alert">
          <p>{tm(describeStaffError(report.error))}</p>
          <button type="button" className="button button--secondary" onClick={() => void report.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {report.data && <PetitionReportView report={report.data} period={period} />}
    </section>
  );
}

function PetitionReportView({ report, period }: { report: PetitionReport; period: PetitionPeriod }) {
  const { t, lang } = useT();
  const r = report;
  const n = (v: number) => formatNumber(v, lang);
  const days = (v: number | null) => (v === null ? t('common.none') : t('reports.days.value', { n: formatNumber(v, lang) }));
  const subtitle = r.period.half
    ? t('reports.subtitle.half', { n: t(r.period.half.endsWith('H1') ? 'reports.half.1' : 'reports.half.2'), year: r.period.half.slice(0, 4), from: formatDate(r.period.from, lang), to: formatDate(r.period.to, lang) })
    : t('reports.subtitle.range', { from: formatDate(r.period.from, lang), to: formatDate(r.period.to, lang) });

  return (
    <div className="report">
      <ReportHeader subtitle={subtitle} generatedAt={r.generatedAt} referenceDate={r.referenceDate} csv={petitionReportUrl(period, 'csv')} html={petitionReportUrl(period, 'html')} />
      <dl className="report-summary" data-testid="report-summary">
        <SummaryItem label={t('reports.received.total')} value={n(r.received.total)} code="received.total" />
        <SummaryItem label={t('reports.answeredInTime')} value={n(r.answeredInTime)} code="answeredInTime" />
        <SummaryItem label={t('reports.answeredLate')} value={n(r.answeredLate)} code="answeredLate" />
        <SummaryItem label={t('reports.overdue')} value={n(r.overdue)} code="overdue" />
        <SummaryItem label={t('reports.days.median')} value={days(r.daysToAnswer.median)} code="daysToAnswer.median" />
      </dl>
      <div className="report-tables">
        <BreakdownTable caption={t('reports.byChannel')} total={r.received.total} lines={r.received.byChannel} label={(l) => channelLabel(l, t, lang)} />
        <BreakdownTable caption={t('reports.byType')} total={r.received.total} lines={r.received.byType} label={(l) => typeLabel(l, lang)} />
        <BreakdownTable caption={t('reports.byCategory')} total={r.received.total} lines={r.received.byCategory} />
        <BreakdownTable caption={t('reports.byDepartment')} total={r.received.total} lines={r.received.byDepartment} label={(l) => (l.code === null ? t('reports.noDepartment') : l.label)} />
        <FigureTable
          caption={t('reports.outcome')}
          rows={[
            [t('reports.answeredInTime'), n(r.answeredInTime), 'answeredInTime'],
            [t('reports.answeredLate'), n(r.answeredLate), 'answeredLate'],
            [t('reports.extended'), n(r.extended), 'extended'],
            [t('reports.forwarded'), n(r.forwarded), 'forwarded'],
            [t('reports.joined'), n(r.joined), 'joined'],
            [t('reports.filed'), n(r.filed.total), 'filed.total'],
            [t('reports.filed.anonymous'), n(r.filed.anonymous), 'filed.anonymous'],
            [t('reports.filed.repeated'), n(r.filed.repeated), 'filed.repeated'],
            [t('reports.filed.withdrawn'), n(r.filed.withdrawn), 'filed.withdrawn'],
            [t('reports.stillOpen'), n(r.stillOpen), 'stillOpen'],
            [t('reports.overdue'), n(r.overdue), 'overdue'],
          ]}
        />
        <FigureTable
          caption={t('reports.days')}
          rows={[
            [t('reports.days.answered'), n(r.daysToAnswer.answered), 'daysToAnswer.answered'],
            [t('reports.days.median'), days(r.daysToAnswer.median), 'daysToAnswer.median'],
            [t('reports.days.p90'), days(r.daysToAnswer.p90), 'daysToAnswer.p90'],
          ]}
        />
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------
// The Legea 544 annual report

function InformationReportSection() {
  const { t, tm } = useT();
  const thisYear = Number(bucharestDateOf(new Date()).slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const [choice, setChoice] = useState(thisYear);
  const [year, setYear] = useState(thisYear);
  const report = useQuery({ queryKey: reportKeys.information(year), queryFn: ({ signal }) => fetchInformationReport(year, signal) });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setYear(choice);
  };

  return (
    <section aria-labelledby="report-info-title" className="report-section" data-testid="information-report">
      <h2 id="report-info-title">{t('reports.info.title')}</h2>
      <p>{t('reports.info.intro')}</p>
      <form className="report-form" noValidate onSubmit={onSubmit} aria-label={t('reports.info.title')}>
        <div className="field">
          <label htmlFor="report-year" className="label">
            {t('reports.year')}
          </label>
          <select id="report-year" className="report-form__year" value={choice} onChange={(e) => setChoice(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="report-form__buttons">
          <button type="submit" className="button button--primary">
            {t('reports.show')}
          </button>
        </div>
      </form>
      {report.isPending && <p role="status">{t('common.loading')}</p>}
      {report.isError && (
        <div className="notice notice--error" role="alert">
          <p>{tm(describeStaffError(report.error))}</p>
          <button type="button" className="button button--secondary" onClick={() => void report.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {report.data && <InformationReportView report={report.data} />}
    </section>
  );
}

function InformationReportView({ report: r }: { report: InformationReport }) {
  const { t, lang } = useT();
  const n = (v: number) => formatNumber(v, lang);
  const days = (v: number | null) => (v === null ? t('common.none') : t('reports.days.value', { n: formatNumber(v, lang) }));
  return (
    <div className="report">
      <ReportHeader
        subtitle={t('reports.info.subtitle', { year: r.year, from: formatDate(r.period.from, lang), to: formatDate(r.period.to, lang) })}
        generatedAt={r.generatedAt}
        referenceDate={r.referenceDate}
        csv={informationReportUrl(r.year, 'csv')}
        html={informationReportUrl(r.year, 'html')}
      />
      <div className="report-tables">
        <FigureTable caption={t('reports.info.received')} rows={[[t('reports.info.received.total'), n(r.received.total), 'received.total']]} />
        <BreakdownTable caption={t('reports.byChannel')} total={r.received.total} lines={r.received.byChannel} label={(l) => channelLabel(l, t, lang)} />
        <FigureTable
          caption={t('reports.outcome')}
          rows={[
            [t('reports.info.within10'), n(r.answeredWithin10Days), 'answeredWithin10Days'],
            [t('reports.info.within30'), n(r.answeredWithin30Days), 'answeredWithin30Days'],
            [t('reports.answeredLate'), n(r.answeredLate), 'answeredLate'],
            [t('reports.info.refused'), n(r.refused), 'refused'],
            [t('reports.info.forwarded'), n(r.forwarded), 'forwarded'],
            [t('reports.info.filed'), n(r.filed), 'filed'],
            [t('reports.stillOpen'), n(r.stillOpen), 'stillOpen'],
            [t('reports.overdue'), n(r.overdue), 'overdue'],
          ]}
        />
        <FigureTable
          caption={t('reports.days')}
          rows={[
            [t('reports.info.days.answered'), n(r.daysToAnswer.answered), 'daysToAnswer.answered'],
            [t('reports.days.median'), days(r.daysToAnswer.median), 'daysToAnswer.median'],
            [t('reports.days.p90'), days(r.daysToAnswer.p90), 'daysToAnswer.p90'],
          ]}
        />
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------
// Shared pieces

function ReportHeader({ subtitle, generatedAt, referenceDate, csv, html }: { subtitle: string; generatedAt: string; referenceDate: string; csv: string; html: string }) {
  const { t, lang } = useT();
  const linksId = useId();
  return (
    <>
      <p className="report__subtitle">
        <strong>{subtitle}</strong>
      </p>
      <p className="hint">{t('reports.generated', { at: formatDateTime(generatedAt, lang), ref: formatDate(referenceDate, lang) })}</p>
      <p className="visually-hidden" id={linksId}>
        {t('reports.downloads')}
      </p>
      <ul className="report-links" aria-labelledby={linksId}>
        <li>
          <a className="button button--secondary" href={csv} download>
            {t('reports.csv')}
          </a>
        </li>
        <li>
          <a className="button button--secondary" href={html} target="_blank" rel="noopener">
            {t('reports.print')}
            <span className="visually-hidden"> {t('common.newTab')}</span>
          </a>
        </li>
      </ul>
    </>
  );
}

function SummaryItem({ label, value, code }: { label: string; value: string; code: string }) {
  return (
    <div className="report-summary__item" data-code={code}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

type Row = [label: string, value: string, code: string];

function TableFrame({ caption, share, children }: { caption: string; share?: boolean; children: ReactNode }) {
  const { t } = useT();
  return (
    <div className="report-table-wrap">
      <table className="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.col.indicator')}</th>
            <th scope="col" className="report-table__number">
              {t('reports.col.count')}
            </th>
            {share && (
              <th scope="col" className="report-table__number">
                {t('reports.col.share')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function FigureTable({ caption, rows }: { caption: string; rows: Row[] }) {
  return (
    <TableFrame caption={caption}>
      {rows.map(([label, value, code]) => (
        <tr key={code} data-code={code}>
          <th scope="row">{label}</th>
          <td className="report-table__number">{value}</td>
        </tr>
      ))}
    </TableFrame>
  );
}

function BreakdownTable({ caption, total, lines, label = (l) => l.label }: { caption: string; total: number; lines: CountLine[]; label?: (l: CountLine) => string }) {
  const { t, lang } = useT();
  const percent = new Intl.NumberFormat(lang === 'ro' ? 'ro-RO' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 });
  return (
    <TableFrame caption={caption} share>
      {lines.length === 0 ? (
        <tr>
          <td colSpan={3} className="muted">
            {t('reports.empty')}
          </td>
        </tr>
      ) : (
        lines.map((l) => (
          <tr key={l.code ?? 'none'} data-code={l.code ?? 'none'}>
            <th scope="row">{label(l)}</th>
            <td className="report-table__number">{formatNumber(l.count, lang)}</td>
            <td className="report-table__number">{total > 0 ? percent.format(l.count / total) : t('common.none')}</td>
          </tr>
        ))
      )}
    </TableFrame>
  );
}

function channelLabel(l: CountLine, t: Translate, lang: 'ro' | 'en'): string {
  const key = `channel.${l.code ?? ''}`;
  return lang === 'en' && CHANNEL_KEYS.has(key) ? t(key as MessageKey) : l.label;
}

const CHANNEL_KEYS = new Set(['channel.web', 'channel.phone', 'channel.email', 'channel.post', 'channel.desk', 'channel.open311']);

function typeLabel(l: CountLine, lang: 'ro' | 'en'): string {
  const labels = PETITION_TYPE_LABELS[l.code as PetitionType] as { ro: string; en: string } | undefined;
  return lang === 'en' && labels ? labels.en : l.label;
}
