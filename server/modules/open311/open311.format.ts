// The Open311 GeoReport v2 wire format (wiki.open311.org/GeoReport_v2): every resource as `.json` or
// `.xml`, and errors as `[{ "code": 400, "description": "…" }]` or
// `<errors><error><code>400</code><description>…</description></error></errors>`.
import type { Context } from 'hono';
import { AppError } from '../../lib/errors';

export type Open311Format = 'json' | 'xml';
export type Scalar = string | number | boolean | null;
export type Open311Record = Record<string, Scalar>;

/** The error a handler throws to answer in the specification's format with this HTTP status. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 405 | 413 | 429 | 500 | 503,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'Open311Error';
  }
}

/** `services.json` → { name: 'services', format: 'json' }; null when the extension is neither. */
export function splitFormat(segment: string): { name: string; format: Open311Format } | null {
  const match = /^(.+)\.(json|xml)$/i.exec(segment);
  if (!match) return null;
  return { name: match[1]!, format: match[2]!.toLowerCase() as Open311Format };
}

/** The format an error should be written in: the path's extension, JSON by default. */
export function formatOfPath(path: string): Open311Format {
  return /\.xml$/i.test(path) ? 'xml' : 'json';
}

// XML 1.0 allows tab, newline, carriage return and the characters from U+0020 on (minus surrogates, FFFE, FFFF).
const INVALID_XML_CHARS = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(value: string): string {
  return value
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, value: Scalar): string {
  if (value === null || value === '') return `<${name}/>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** `<root><item><field>…</field>…</item>…</root>`, the fields in the order of the record. */
export function xmlList(root: string, item: string, records: Open311Record[]): string {
  const items = records.map((r) => `<${item}>${Object.entries(r).map(([k, v]) => element(k, v)).join('')}</${item}>`);
  return `${XML_DECLARATION}\n<${root}>${items.join('')}</${root}>\n`;
}

/** The service definition of a service without extra attributes. */
export function xmlServiceDefinition(serviceCode: string): string {
  return `${XML_DECLARATION}\n<service_definition>${element('service_code', serviceCode)}<attributes/></service_definition>\n`;
}

export function respondList(c: Context, format: Open311Format, root: string, item: string, records: Open311Record[], status = 200): Response {
  if (format === 'xml') return xmlResponse(c, xmlList(root, item, records), status);
  return c.json(records, status as 200);
}

export function xmlResponse(c: Context, xml: string, status = 200): Response {
  return c.body(xml, status as 200, { 'Content-Type': 'text/xml; charset=utf-8' });
}

export function respondError(c: Context, format: Open311Format, status: number, description: string): Response {
  const errors = [{ code: status, description }];
  if (format === 'xml') return xmlResponse(c, xmlList('errors', 'error', errors), status);
  return c.json(errors, status as 400);
}

/** Our AppError (from a shared use case or the rate limiter) as an Open311 error. */
export function fromAppError(error: AppError): Open311Error {
  const fields = (error.details as { fields?: Array<{ path: string; message: string }> } | undefined)?.fields;
  const detail = fields && fields.length > 0 ? ` (${fields.map((f) => `${open311Param(f.path)}: ${f.message}`).join('; ')})` : '';
  const status = ([400, 403, 404, 413, 429, 503] as const).find((s) => s === error.status) ?? (error.status >= 500 ? 500 : 400);
  return new Open311Error(status, `${error.message}${detail}`, error.headers);
}

/** Our field paths (petitioner.email) named as the Open311 parameters the client sent (email). */
const PARAM_OF_PATH: Record<string, string> = {
  'petitioner.firstName': 'first_name',
  'petitioner.lastName': 'last_name',
  'petitioner.email': 'email',
  'petitioner.phone': 'phone',
  'location.address': 'address_string',
  'location.lat': 'lat',
  'location.lng': 'long',
  subject: 'description',
  body: 'description',
  categoryCode: 'service_code',
};

function open311Param(path: string): string {
  return PARAM_OF_PATH[path] ?? path;
}

/** An instant in ISO 8601 with the Bucharest offset (2026-11-26T12:00:00+02:00), as the specification asks. */
export function isoBucharest(instant: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Bucharest',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const local = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  const offsetMinutes = Math.round((Date.parse(`${local}Z`) - wholeSeconds) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
