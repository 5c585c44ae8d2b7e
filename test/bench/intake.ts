// Intake, two ways at the same concurrency: through the HTTP API (POST /api/petitions, what a citizen's
// browser sends, with an Idempotency-Key as the portal sends one), and the ceiling — registerPetition's own
// statements sent directly with postgres.js, in the same order and in one transaction, without HTTP, JSON,
// zod or Drizzle. The gapless counter row is locked from the number's allocation to the commit, so both are
// bounded by how many commits a second the disk takes: the bench measures that too.
import { createHash, randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { createPetitionInputSchema } from '../../shared/api/petitions';
import { createLegalCalendar } from '../../shared/domain/calendar';
import { bucharestDateOf, bucharestYearOf } from '../../shared/domain/dates';
import { computeDueDate } from '../../shared/domain/deadlines';
import { formatDateRo } from '../../shared/domain/format';
import { REGISTERS } from '../../shared/domain/petition-codes';
import { isIdentified } from '../../shared/domain/petitioner';
import { formatRegistrationNumber } from '../../shared/domain/registration-number';
import { generateTrackingCode, hashTrackingCode } from '../../server/lib/tracking-code';
import { clockFireInstants } from '../../server/modules/clocks/clock-schedule';
import { noticesFor } from '../../server/modules/notifications/notices';
import { SECTOR6_STREETS } from './seed';
import type { Outcome } from './load';

const CATEGORIES = ['strazi-trotuare', 'spatii-verzi', 'salubrizare', 'parcare-ilegala', 'zgomot-ordine-publica', 'parcari-resedinta'];

/** A citizen's petition as the portal posts it: Romanian text, a Sector 6 street, e-mail and mobile. */
export function petitionBody(n: number) {
  const street = SECTOR6_STREETS[n % SECTOR6_STREETS.length]!;
  return {
    type: 'sesizare',
    categoryCode: CATEGORIES[n % CATEGORIES.length]!,
    subject: `Groapă adâncă în carosabil pe ${street}`,
    body: `Bună ziua,\n\nÎn dreptul numărului ${1 + (n % 180)} de pe ${street} s-a format o groapă adâncă în carosabil. Șoferii o ocolesc brusc, iar pietonii riscă să cadă în ea seara. Vă rog să o reparați.\n\nMulțumesc.`,
    petitioner: { kind: 'person', firstName: 'Ioana', lastName: 'Ștefănescu', email: `ioana.stefanescu${n}@example.ro`, phone: '0722 123 456', address: null },
    location: { address: `${street} ${1 + (n % 180)}, Sector 6` },
    consent: true,
  };
}

/** One intake transaction with registerPetition's statements (no attachments), as postgres.js sends them. */
export async function directIntake(sql: postgres.Sql, n: number, publicUrl: string): Promise<Outcome> {
  const input = createPetitionInputSchema.parse(petitionBody(n));
  const key = randomUUID();
  const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  await sql.begin(async (tx) => {
    const now = new Date();
    const claimed = await tx`insert into idempotency_keys (key, request_hash, created_at) values (${key}, ${requestHash}, ${now}) on conflict do nothing returning key`;
    if (claimed.length !== 1) throw new Error('idempotency key taken');
    const [category] = await tx<Array<{ id: string; code: string; regime: 'og27' | 'l544'; routing: string; handler_department_id: string | null; handler_institution_id: string | null; deadline_days: number | null; deadline_counting: 'calendar' | 'free_days' | null }>>`
      select id, code, regime, routing, handler_department_id, handler_institution_id, deadline_days, deadline_counting
      from categories where code = ${input.categoryCode} and active = true`;
    if (!category) throw new Error('unknown category');
    const closed = await tx<Array<{ date: string; name: string }>>`select date::text as date, name from closed_days order by date`;
    const calendar = createLegalCalendar(closed.map((d) => ({ date: d.date, name: { ro: d.name, en: d.name } })));
    const registeredOn = bucharestDateOf(now);
    const year = bucharestYearOf(now);
    const rule = category.deadline_days != null ? { days: category.deadline_days, counting: category.deadline_counting ?? 'calendar' } : undefined;
    const legalDueOn = computeDueDate({ kind: category.regime === 'l544' ? 'l544.answer' : 'og27.answer', registeredOn, calendar, rule });
    const forwardDueOn = category.routing === 'forward' ? computeDueDate({ kind: 'og27.forward', registeredOn, calendar }) : null;
    const p = input.petitioner;
    const identified = isIdentified(p);
    const trackingCode = generateTrackingCode();
    const petitionId = randomUUID();
    const register = REGISTERS[category.regime];
    const [counter] = await tx<Array<{ last: number }>>`
      insert into register_counters (register, year, last) values (${register}, ${year}, 1)
      on conflict (register, year) do update set last = register_counters.last + 1 returning last`;
    const seq = counter!.last;
    const registrationNumber = formatRegistrationNumber(register, year, seq);
    // What registerPetition does under the counter's lock: every write that quotes the number in one
    // pipeline (postgres.js sends them without waiting for each answer), then the commit.
    const notices = noticesFor({
      template: 'petition.registered', petitionId, email: p.email, phone: p.phone,
      data: { registrationNumber, trackingCode, registeredOn, dueOn: legalDueOn, identified, publicUrl },
    });
    const response = JSON.stringify({ registrationNumber, trackingCode, registeredAt: now.toISOString(), dueOn: legalDueOn, status: 'registered', identified });
    const clocks = ([['legal', legalDueOn], ['forward', forwardDueOn]] as const).flatMap(([clock, dueOn]) => {
      if (!dueOn) return [];
      const { atRiskAt, breachedAt } = clockFireInstants({ clock, dueOn, calendar });
      return [
        { petition_id: petitionId, clock, stage: 'at_risk', due_on: dueOn, fires_at: atRiskAt },
        { petition_id: petitionId, clock, stage: 'breached', due_on: dueOn, fires_at: breachedAt },
      ];
    });
    await Promise.all([
      tx`insert into petitions ${tx({
        id: petitionId, register, year, seq, registration_number: registrationNumber, regime: category.regime, type: input.type, channel: 'web',
        status: 'registered', petitioner_kind: p.kind, petitioner_first_name: p.kind === 'person' ? p.firstName : null,
        petitioner_last_name: p.kind === 'person' ? p.lastName : null, petitioner_organization: p.kind === 'organization' ? p.organizationName : null,
        petitioner_email: p.email, petitioner_phone: p.phone, petitioner_address: p.address, identified,
        location_address: input.location?.address ?? null, location_lat: input.location?.lat ?? null, location_lng: input.location?.lng ?? null,
        subject: input.subject, body: input.body, category_id: category.id, handler_department_id: category.handler_department_id,
        handler_institution_id: category.handler_institution_id, created_by_user_id: null, registered_at: now, registered_on: registeredOn,
        legal_due_on: legalDueOn, forward_due_on: forwardDueOn, tracking_code_hash: Buffer.from(hashTrackingCode(trackingCode)),
      })}`,
      tx`insert into petition_events ${tx({
        petition_id: petitionId, at: now, actor_kind: 'citizen', actor_user_id: null, type: 'registered', public: true,
        text_ro: `Petiția a fost înregistrată cu nr. ${registrationNumber}. Termenul legal de răspuns: ${formatDateRo(legalDueOn)}.`,
        text_en: `The petition was registered as no. ${registrationNumber}. Legal answer due: ${legalDueOn}.`,
        data: tx.json({ channel: 'web', categoryCode: category.code, legalDueOn, forwardDueOn, identified, attachments: 0 }),
      })}`,
      tx`insert into petition_clocks ${tx(clocks)}`,
      notices.length > 0
        ? tx`insert into outbox ${tx(notices.map((x) => ({ channel: x.channel, recipient: x.recipient, template: x.template, subject: x.subject ?? null, body: x.body, petition_id: x.petitionId ?? null })))}`
        : null,
      tx`update idempotency_keys set status_code = 201, response = ${response} where key = ${key}`,
    ]);
  });
  return true;
}

/**
 * The disk's commit rate as PostgreSQL sees it: single-row INSERTs, each its own transaction, committed with
 * synchronous_commit on, one after another on one connection, for `seconds`.
 */
export async function commitRate(sql: postgres.Sql, seconds: number): Promise<{ commitsPerSecond: number; p50Ms: number }> {
  const conn = await sql.reserve();
  try {
    await conn`create table if not exists bench_commit_probe (id bigserial primary key, at timestamptz not null default now())`;
    await conn`set synchronous_commit = on`;
    const times: number[] = [];
    const end = performance.now() + seconds * 1000;
    while (performance.now() < end) {
      const t0 = performance.now();
      await conn`insert into bench_commit_probe default values`;
      times.push(performance.now() - t0);
    }
    await conn`drop table bench_commit_probe`;
    times.sort((a, b) => a - b);
    return { commitsPerSecond: times.length / seconds, p50Ms: times[Math.floor(times.length / 2)] ?? NaN };
  } finally {
    conn.release();
  }
}
