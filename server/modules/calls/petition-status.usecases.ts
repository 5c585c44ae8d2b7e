// Where a petition stands, told by phone or by SMS (issue 5 §5). By phone: the agent gets the status only
// once the caller's identity matches the petition (the number the caller uses, or the petitioner's last
// name); by SMS: `STATUS <number> <code>` with the tracking code. A mismatch reveals nothing: the same
// answer as for a number that does not exist.
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { departments, institutions, petitions } from '../../../db/schema';
import { foldName } from '../../../shared/domain/calls';
import { formatDateRo } from '../../../shared/domain/format';
import { STATUS_LABELS, type PetitionStatus } from '../../../shared/domain/petition-codes';
import { normalizePhone } from '../../../shared/domain/phone';
import { parseRegistrationNumber } from '../../../shared/domain/registration-number';
import type { Clock } from '../../lib/clock';
import { appError } from '../../lib/errors';
import { hashTrackingCode, trackingCodeMatches } from '../../lib/tracking-code';
import type { SessionUser } from '../auth/auth.usecases';
import { logPersonalDataReads } from './calls.repository';

const FINAL: PetitionStatus[] = ['answered', 'archived', 'forwarded', 'joined', 'filed'];
const DUMMY_HASH = hashTrackingCode('0000-0000-0000-0000');

async function findPetition(db: Db, registrationNumber: string) {
  const [row] = await db
    .select({
      id: petitions.id,
      registrationNumber: petitions.registrationNumber,
      status: petitions.status,
      registeredOn: petitions.registeredOn,
      legalDueOn: petitions.legalDueOn,
      phone: petitions.petitionerPhone,
      lastName: petitions.petitionerLastName,
      organizationName: petitions.petitionerOrganization,
      trackingCodeHash: petitions.trackingCodeHash,
      departmentName: departments.name,
      institutionName: institutions.name,
    })
    .from(petitions)
    .leftJoin(departments, eq(departments.id, petitions.handlerDepartmentId))
    .leftJoin(institutions, eq(institutions.id, petitions.handlerInstitutionId))
    .where(eq(petitions.registrationNumber, registrationNumber));
  return row ?? null;
}

function identityMatches(identity: string, p: { phone: string | null; lastName: string | null; organizationName: string | null }): boolean {
  const phone = normalizePhone(identity);
  if (phone && p.phone && phone === p.phone) return true;
  const folded = foldName(identity);
  return folded.length > 0 && [p.lastName, p.organizationName].some((n) => n !== null && foldName(n) === folded);
}

/** GET /api/calls/petition-status?number=&identity= */
export async function petitionStatusForCaller({ db, clock, user, number, identity }: { db: Db; clock: Clock; user: SessionUser; number: string; identity: string }) {
  const parsed = parseRegistrationNumber(number);
  if (!parsed) throw appError('request.invalid', 'Not a registration number.', { fields: [{ path: 'number', code: 'invalid', message: 'e.g. P-2026-000123' }] });
  const p = await findPetition(db, parsed.normalized);
  if (!p || !identityMatches(identity, p)) throw appError('calls.petition_not_found', 'No petition with this number matches the caller.');
  await logPersonalDataReads(db, [{ userId: user.id, petitionId: p.id, source: 'caller_status', subject: p.registrationNumber, at: clock.now() }]);
  return {
    registrationNumber: p.registrationNumber,
    status: p.status,
    statusLabel: STATUS_LABELS[p.status],
    registeredOn: p.registeredOn,
    dueOn: p.legalDueOn,
    open: !FINAL.includes(p.status),
    handler: p.departmentName ?? p.institutionName ?? null,
  };
}

export const SMS_TEXTS = {
  help: 'Primăria S6: pentru stadiul unei petiții trimiteți STATUS <număr> <cod>, de exemplu: STATUS P-2026-000123 ABCD-EFGH-JKMN-PQRS. Numărul și codul sunt în mesajul de înregistrare.',
  notFound: 'Primăria S6: nu am găsit o petiție cu acest număr și acest cod. Verificați numărul și codul din mesajul de înregistrare.',
} as const;

const STATUS_COMMAND = /^\s*status\s+(\S+)\s+(.+?)\s*$/is;

/** The reply to a text sent to the city hall's number: a status, the one "not found", or the help. */
export async function replyToSms({ db, publicUrl, body }: { db: Db; publicUrl: string; body: string }): Promise<string> {
  const m = STATUS_COMMAND.exec(body);
  if (!m) return SMS_TEXTS.help;
  const parsed = parseRegistrationNumber(m[1]!);
  const code = m[2]!;
  if (code.length > 64) return SMS_TEXTS.notFound;
  const p = parsed ? await findPetition(db, parsed.normalized) : null;
  // A wrong number and a wrong code take the same path and the same time (constant-time comparison).
  const matches = trackingCodeMatches(code, p?.trackingCodeHash ?? DUMMY_HASH);
  if (!p || !matches) return SMS_TEXTS.notFound;
  const due = FINAL.includes(p.status) ? '' : ` Termen de răspuns: ${formatDateRo(p.legalDueOn)}.`;
  return `Primăria S6: petiția nr. ${p.registrationNumber}: ${STATUS_LABELS[p.status].ro}.${due} Detalii: ${publicUrl}/urmarire/${p.registrationNumber}`;
}
