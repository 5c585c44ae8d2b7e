// Open311 GeoReport v2 (issue 6 §6): the public categories as services, and the petitions of public
// categories as service requests, without any personal data; a POST registers a petition through the one
// intake use case (channel `open311`), with an API key issued by the administrator.
import { createHash } from 'node:crypto';
import type { Db } from '../../../db/client';
import { createPetitionInputSchema, LIMITS } from '../../../shared/api/petitions';
import { FINAL_STATUSES, OPEN_STATUSES } from '../../../shared/domain/clock-rules';
import { addDays, bucharestDateOf, bucharestMidnight } from '../../../shared/domain/dates';
import { formatDateRo } from '../../../shared/domain/format';
import { STATUS_LABELS, type PetitionStatus } from '../../../shared/domain/petition-codes';
import type { Clock } from '../../lib/clock';
import { isAppError } from '../../lib/errors';
import { parseOrThrow } from '../../lib/http';
import type { Logger } from '../../lib/logger';
import { registerPetition } from '../petitions/petitions.usecases';
import { fromAppError, isoBucharest, Open311Error, type Open311Record } from './open311.format';
import * as repo from './open311.repository';

/** At most this many requests in one answer (the specification lets the server choose). */
export const MAX_REQUESTS = 1000;
/** start_date and end_date may not be further apart (the specification's 90 days). */
export const MAX_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;
const MAX_DESCRIPTION = 4000; // the specification's limit

// ---- services ---------------------------------------------------------------------------------------

export async function listServices(db: Db): Promise<Open311Record[]> {
  const rows = await repo.listPublicCategories(db);
  return rows.map((r) => ({
    service_code: r.code,
    service_name: r.nameRo,
    description: r.nameEn === r.nameRo ? r.nameRo : `${r.nameRo} (${r.nameEn})`,
    metadata: false,
    type: 'realtime',
    keywords: r.code.split('-').join(','),
    group: r.deptName ?? r.instName ?? '',
  }));
}

export async function serviceDefinition(db: Db, code: string): Promise<{ service_code: string; attributes: [] }> {
  const row = await repo.findPublicCategory(db, code);
  if (!row) throw new Open311Error(404, `Unknown service_code: ${code}`);
  return { service_code: row.code, attributes: [] };
}

// ---- GET requests -----------------------------------------------------------------------------------

export type RequestsQuery = Record<string, string | undefined>;

/** The petition as a service request: the subject for description, never the body, never the petitioner. */
function toServiceRequest(r: repo.ServiceRequestRow): Open311Record {
  const closed = (FINAL_STATUSES as readonly string[]).includes(r.status);
  return {
    service_request_id: r.registrationNumber,
    status: closed ? 'closed' : 'open',
    status_notes: STATUS_LABELS[r.status].ro,
    service_name: r.serviceName,
    service_code: r.serviceCode,
    description: r.subject,
    agency_responsible: r.deptName ?? r.instName ?? null,
    service_notice: null,
    requested_datetime: isoBucharest(r.registeredAt),
    updated_datetime: isoBucharest(r.updatedAt),
    // The legal due date: the answer is due by the end of that day (Bucharest).
    expected_datetime: isoBucharest(new Date(bucharestMidnight(addDays(r.legalDueOn, 1)).getTime() - 1000)),
    address: r.locationAddress,
    address_id: null,
    zipcode: null,
    lat: r.locationLat,
    long: r.locationLng,
    media_url: r.mediaUrl,
  };
}

function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}

/** ISO 8601: a date (the start of that Bucharest day) or a date-time with its zone (Z or ±HH:MM). */
function parseInstant(name: string, value: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    try {
      return bucharestMidnight(value);
    } catch {
      throw new Open311Error(400, `${name} is not a valid date: ${value}`);
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    throw new Open311Error(400, `${name} must be an ISO 8601 date-time with a time zone, e.g. 2026-11-26T10:00:00+02:00`);
  }
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new Open311Error(400, `${name} is not a valid date-time: ${value}`);
  return at;
}

export async function listServiceRequests({ db, clock, query }: { db: Db; clock: Clock; query: RequestsQuery }): Promise<Open311Record[]> {
  const numbers = list(query.service_request_id);
  if (numbers) {
    if (numbers.length > MAX_REQUESTS) throw new Open311Error(400, `At most ${MAX_REQUESTS} service_request_id values.`);
    // The specification: with service_request_id, the other parameters are ignored.
    const rows = await repo.listServiceRequests(db, { numbers, limit: MAX_REQUESTS });
    return rows.map(toServiceRequest);
  }
  let statuses: readonly PetitionStatus[] | undefined;
  const wanted = list(query.status);
  if (wanted) {
    const bad = wanted.find((s) => s !== 'open' && s !== 'closed');
    if (bad !== undefined) throw new Open311Error(400, `status must be open or closed, not ${bad}`);
    const set = new Set(wanted);
    if (set.size === 1) statuses = set.has('open') ? OPEN_STATUSES : FINAL_STATUSES;
  }
  const now = clock.now();
  const start = query.start_date ? parseInstant('start_date', query.start_date) : undefined;
  const end = query.end_date ? parseInstant('end_date', query.end_date) : undefined;
  let from: Date;
  let to: Date;
  if (start && end) {
    [from, to] = [start, end];
  } else if (start) {
    [from, to] = [start, new Date(Math.min(start.getTime() + MAX_WINDOW_DAYS * DAY_MS, now.getTime()))];
  } else if (end) {
    [from, to] = [new Date(end.getTime() - MAX_WINDOW_DAYS * DAY_MS), end];
  } else {
    [from, to] = [new Date(now.getTime() - MAX_WINDOW_DAYS * DAY_MS), now];
  }
  if (from.getTime() > to.getTime()) throw new Open311Error(400, 'start_date must not be after end_date.');
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    throw new Open311Error(400, `start_date and end_date may be at most ${MAX_WINDOW_DAYS} days apart.`);
  }
  // end_date is inclusive: a request made at that very instant is listed.
  const rows = await repo.listServiceRequests(db, {
    serviceCodes: list(query.service_code),
    statuses,
    from,
    to: new Date(to.getTime() + 1),
    limit: MAX_REQUESTS,
  });
  return rows.map(toServiceRequest);
}

export async function getServiceRequest(db: Db, id: string): Promise<Open311Record[]> {
  const rows = /^[PI]-\d{4}-\d{6,}$/.test(id) ? await repo.listServiceRequests(db, { numbers: [id], limit: 1 }) : [];
  if (rows.length === 0) throw new Open311Error(404, `No service request ${id}`);
  return rows.map(toServiceRequest);
}

// ---- POST requests ----------------------------------------------------------------------------------

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The key's id, or 403 (the specification: "api_key was not provided or invalid"). */
export async function authenticate(db: Db, clock: Clock, apiKey: string | undefined): Promise<string> {
  if (!apiKey || apiKey.length > 200) throw new Open311Error(403, 'api_key was not provided or is invalid.');
  const key = await repo.useApiKey(db, hashApiKey(apiKey.trim()), clock.now());
  if (!key) throw new Open311Error(403, 'api_key was not provided or is invalid.');
  return key.id;
}

export type PostRequestResult = { registrationNumber: string; petitionId: string; notice: string };

/** A subject from the description: its first line of text, cut at a word within 200 characters. */
export function subjectOf(description: string): string {
  const flat = description.replace(/\s+/g, ' ').trim();
  const max = LIMITS.subject.max;
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function number(name: string, value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Open311Error(400, `${name} must be a number.`);
  return n;
}

export async function postServiceRequest({
  db, clock, publicUrl, logger, apiKeyId, params,
}: {
  db: Db; clock: Clock; publicUrl: string; logger: Logger; apiKeyId: string; params: Record<string, string | undefined>;
}): Promise<PostRequestResult> {
  const serviceCode = params.service_code?.trim();
  if (!serviceCode) throw new Open311Error(400, 'service_code is required.');
  if (!(await repo.findPublicCategory(db, serviceCode))) throw new Open311Error(400, `Unknown service_code: ${serviceCode}`);

  const lat = number('lat', params.lat);
  const lng = number('long', params.long);
  if ((lat === null) !== (lng === null)) throw new Open311Error(400, 'lat and long go together.');
  const addressString = params.address_string?.trim() || null;
  if (lat === null && !addressString) {
    throw new Open311Error(400, params.address_id ? 'address_id is not supported here: send lat and long, or address_string.' : 'A location is required: lat and long, or address_string.');
  }
  const description = params.description?.trim() ?? '';
  if (description.length < LIMITS.body.min) throw new Open311Error(400, `description is required (at least ${LIMITS.body.min} characters).`);
  if (description.length > MAX_DESCRIPTION) throw new Open311Error(400, `description may be at most ${MAX_DESCRIPTION} characters.`);
  const mediaUrl = params.media_url?.trim() || null;
  if (mediaUrl && (!/^https?:\/\/[^\s]+$/i.test(mediaUrl) || mediaUrl.length > 2000 || !URL.canParse(mediaUrl))) {
    throw new Open311Error(400, 'media_url must be an http(s) URL.');
  }

  let input;
  try {
    input = parseOrThrow(createPetitionInputSchema, {
      type: 'sesizare',
      categoryCode: serviceCode,
      subject: subjectOf(description),
      body: mediaUrl ? `${description}\n\nFotografie (Open311): ${mediaUrl}` : description,
      petitioner: {
        kind: 'person',
        firstName: params.first_name ?? null,
        lastName: params.last_name ?? null,
        email: params.email ?? null,
        phone: params.phone ?? null,
        address: null,
      },
      location: { address: addressString, lat, lng },
      consent: true,
    });
  } catch (error) {
    throw isAppError(error) ? fromAppError(error) : error;
  }
  let result;
  try {
    result = await registerPetition({ db, clock, publicUrl, input, channel: 'open311', files: [] });
  } catch (error) {
    throw isAppError(error) ? fromAppError(error) : error;
  }
  const petitionId = result.petitionId!;
  // The petition is committed: a failure here loses only the key link and the photo link, never the petition.
  try {
    await repo.insertOpen311Request(db, { petitionId, apiKeyId, mediaUrl, createdAt: clock.now() });
  } catch (error) {
    logger.warn('open311 request link not recorded', { petitionId, error: String(error) });
  }
  const body = result.body;
  const due = formatDateRo(body.dueOn);
  const notice = body.identified
    ? `Petiția a fost înregistrată la Primăria Sectorului 6 cu nr. ${body.registrationNumber} din ${formatDateRo(bucharestDateOf(new Date(body.registeredAt)))}. ` +
      `Termenul legal de răspuns este ${due}. Petentul primește codul de urmărire prin e-mail sau SMS.`
    : `Petiția a fost înregistrată la Primăria Sectorului 6 cu nr. ${body.registrationNumber}. ` +
      `Nu conține datele de identificare ale petentului (numele și o adresă de e-mail sau un telefon mobil): potrivit OG 27/2002 art. 7 nu primește răspuns, dar problema semnalată poate fi verificată.`;
  return { registrationNumber: body.registrationNumber, petitionId, notice };
}
