// The legal reports (issue 6 §3): GET /api/reports/petitions and /api/reports/information-requests, as JSON
// for the page, and the addresses of the same report as CSV and as a printable document.
import { informationReportSchema, petitionReportSchema } from '../../../../shared/api/reports';
import { apiRequest } from '../../lib/api-client';

/** A half-year ('2026-H1') or a custom period (both dates, inclusive). */
export type PetitionPeriod = { half: string } | { from: string; to: string };

function periodQuery(period: PetitionPeriod): URLSearchParams {
  return new URLSearchParams('half' in period ? { half: period.half } : { from: period.from, to: period.to });
}

export function petitionReportUrl(period: PetitionPeriod, format: 'json' | 'csv' | 'html' = 'json'): string {
  const query = periodQuery(period);
  if (format !== 'json') query.set('format', format);
  return `/api/reports/petitions?${query}`;
}

export function informationReportUrl(year: number, format: 'json' | 'csv' | 'html' = 'json'): string {
  const query = new URLSearchParams({ year: String(year) });
  if (format !== 'json') query.set('format', format);
  return `/api/reports/information-requests?${query}`;
}

export function fetchPetitionReport(period: PetitionPeriod, signal?: AbortSignal) {
  return apiRequest(petitionReportUrl(period), petitionReportSchema, { signal });
}

export function fetchInformationReport(year: number, signal?: AbortSignal) {
  return apiRequest(informationReportUrl(year), informationReportSchema, { signal });
}
