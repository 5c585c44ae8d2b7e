// Answer and notice templates (issue 4 §1): the officer starts a draft from one, the administrator edits
// them. Placeholders are filled for one petition; a template for the petition's category comes first.
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { answerTemplates, personalDataReads } from '../../../db/schema';
import { formatDateRo } from '../../../shared/domain/format';
import { displayName } from '../../../shared/domain/petitioner';
import type { Clock } from '../../lib/clock';
import { appError } from '../../lib/errors';
import type { SessionUser } from '../auth/auth.usecases';
import { loadVisiblePetition } from '../petitions/staff-petitions.usecases';
import { sanitizeAnswerHtml } from '../answers/sanitize';

export const TEMPLATE_KINDS = ['answer', 'forward_notice', 'extension_notice', 'filing_notice', 'l544_refusal', 'l544_complexity'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export type Placeholders = Partial<Record<'numar' | 'data_inregistrare' | 'termen' | 'categorie' | 'petent' | 'compartiment' | 'institutie' | 'semnatar', string>>;

/** {{name}} → value; an unknown placeholder stays visible so the officer sees what to fill in. */
export function fillPlaceholders(text: string, values: Placeholders, escapeHtml = false): string {
  const esc = (s: string) => (escapeHtml ? s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`) : s);
  return text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, key: keyof Placeholders) => (values[key] !== undefined ? esc(values[key]!) : whole));
}

export async function listTemplates(db: DbOrTx, { kind, categoryCode, includeInactive = false }: { kind?: TemplateKind | undefined; categoryCode?: string | undefined; includeInactive?: boolean }) {
  const rows = await db
    .select()
    .from(answerTemplates)
    .where(and(kind ? eq(answerTemplates.kind, kind) : undefined, includeInactive ? undefined : eq(answerTemplates.active, true), categoryCode ? or(isNull(answerTemplates.categoryCode), eq(answerTemplates.categoryCode, categoryCode)) : undefined))
    .orderBy(asc(answerTemplates.kind), asc(answerTemplates.title));
  // The category's own templates first.
  return rows.sort((a, b) => Number(b.categoryCode !== null) - Number(a.categoryCode !== null));
}

/** The templates of a kind, filled for one petition. The petitioner's name is personal data: the read is logged. */
export async function templatesForPetition({ db, clock, user, id, kind }: { db: Db; clock: Clock; user: SessionUser; id: string; kind: TemplateKind }) {
  const { found } = await loadVisiblePetition(db, user, id);
  const p = found.petition;
  const templates = await listTemplates(db, { kind, categoryCode: found.categoryCode });
  if (templates.length === 0) return [];
  await db.insert(personalDataReads).values({ userId: user.id, petitionId: p.id, source: 'template', subject: p.registrationNumber, at: clock.now() });
  const values: Placeholders = {
    numar: p.registrationNumber,
    data_inregistrare: formatDateRo(p.registeredOn),
    termen: formatDateRo(p.legalDueOn),
    categorie: found.categoryNameRo,
    petent: displayName({ kind: p.petitionerKind, firstName: p.petitionerFirstName, lastName: p.petitionerLastName, organizationName: p.petitionerOrganization }) ?? 'petent',
    compartiment: found.departmentName ?? '',
    institutie: found.institutionName ?? '',
    semnatar: user.name,
  };
  return templates.map((t) => ({ id: t.id, kind: t.kind, title: t.title, categoryCode: t.categoryCode, body: fillPlaceholders(t.body, values, true), legalBasis: fillPlaceholders(t.legalBasis, values) }));
}

/** Answer-like templates become the draft's HTML: the same whitelist as answers applies. Notices are plain text. */
function cleanBody(kind: string, body: string): string {
  return ['answer', 'l544_refusal', 'l544_complexity'].includes(kind) ? sanitizeAnswerHtml(body) : body;
}

export async function createTemplate(db: Db, input: { kind: TemplateKind; categoryCode?: string | null | undefined; title: string; body: string; legalBasis: string }) {
  const [row] = await db.insert(answerTemplates).values({ ...input, body: cleanBody(input.kind, input.body), categoryCode: input.categoryCode ?? null }).returning();
  return row!;
}

export async function updateTemplate(db: Db, clock: Clock, id: string, input: Partial<{ title: string; body: string; legalBasis: string; active: boolean; categoryCode: string | null }>) {
  const [existing] = /^[0-9a-f-]{36}$/i.test(id) ? await db.select({ kind: answerTemplates.kind }).from(answerTemplates).where(eq(answerTemplates.id, id)) : [];
  if (!existing) throw appError('request.not_found', 'No such template.');
  const set = input.body === undefined ? input : { ...input, body: cleanBody(existing.kind, input.body) };
  const [row] = await db.update(answerTemplates).set({ ...set, updatedAt: clock.now() }).where(eq(answerTemplates.id, id)).returning();
  if (!row) throw appError('request.not_found', 'No such template.');
  return row;
}
