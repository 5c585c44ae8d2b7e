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
    // What registerPetition does under the counter's lock: the increment, which leaves the number in the
    // transaction, and every write that quotes it, in one pipeline (postgres.js sends them without waiting
    // for each answer; the texts carry a placeholder the database replaces), then the commit.
    const placeholder = `\u2063№${randomUUID()}\u2063`;
    const numbered = (text: string) => tx`replace(${text}::text, ${placeholder}::text, current_setting('dp.registration_number'))`;
    const registrationNumber = placeholder;
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
    const prefix = `${register}-${year}-`;
    await Promise.all([
      tx<Array<{ last: number }>>`
        insert into register_counters (register, year, last) values (${register}, ${year}, 1)
        on conflict (register, year) do update set last = register_counters.last + 1
        returning last, set_config('dp.registration_number', ${prefix}::text || case when length(last::text) >= 6 then last::text else lpad(last::text, 6, '0') end, true)`,
      tx`insert into petitions (id, register, year, seq, registration_number, regime, type, channel, status, petitioner_kind,
          petitioner_first_name, petitioner_last_name, petitioner_organization, petitioner_email, petitioner_phone, petitioner_address,
          identified, location_address, location_lat, location_lng, subject, body, category_id, handler_department_id,
          handler_institution_id, created_by_user_id, registered_at, registered_on, legal_due_on, forward_due_on, tracking_code_hash)
        values (${petitionId}, ${register}, ${year}, split_part(current_setting('dp.registration_number'), '-', 3)::int,
          current_setting('dp.registration_number'), ${category.regime}, ${input.type}, 'web', 'registered', ${p.kind},
          ${p.kind === 'person' ? p.firstName : null}, ${p.kind === 'person' ? p.lastName : null}, ${p.kind === 'organization' ? p.organizationName : null},
          ${p.email}, ${p.phone}, ${p.address}, ${identified}, ${input.location?.address ?? null}, ${input.location?.lat ?? null}, ${input.location?.lng ?? null},
          ${input.subject}, ${input.body}, ${category.id}, ${category.handler_department_id}, ${category.handler_institution_id}, null,
          ${now}, ${registeredOn}, ${legalDueOn}, ${forwardDueOn}, ${Buffer.from(hashTrackingCode(trackingCode))})`,
      tx`insert into petition_events (petition_id, at, actor_kind, actor_user_id, type, public, text_ro, text_en, data)
        values (${petitionId}, ${now}, 'citizen', null, 'registered', true,
          ${numbered(`Petiția a fost înregistrată cu nr. ${placeholder}. Termenul legal de răspuns: ${formatDateRo(legalDueOn)}.`)},
          ${numbered(`The petition was registered as no. ${placeholder}. Legal answer due: ${legalDueOn}.`)},
          ${tx.json({ channel: 'web', categoryCode: category.code, legalDueOn, forwardDueOn, identified, attachments: 0 })})`,
      tx`insert into petition_clocks ${tx(clocks)}`,
      ...notices.map((x) => tx`insert into outbox (channel, recipient, template, subject, body, petition_id)
        values (${x.channel}, ${x.recipient}, ${x.template}, ${x.subject == null ? null : numbered(x.subject)}, ${numbered(x.body)}, ${x.petitionId ?? null})`),
      tx`update idempotency_keys set status_code = 201, response = ${numbered(response)} where key = ${key}`,
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
