// Bulk seeding of realistic petitions for the bench and the query-plan test: one INSERT … SELECT
// generate_series per batch (data-modifying CTEs write the petitions, their timeline events, their clocks
// and the register counters in the same statement), so a million rows take minutes, not hours.
//
// The register looks like Sector 6's after a few years: 90 % closed (answered, archived, forwarded, joined,
// filed), spread over three years; 10 % open in every status, registered in the last 40 days, so their clocks
// are on time, at risk or breached (a few extended, a few paused). Romanian subjects, bodies, names and
// Sector 6 streets; the Sector 6 categories and departments of the catalog, weighted as a city hall sees them.
import { createHash } from 'node:crypto';
import type postgres from 'postgres';

/** How often each category comes up (relative weights), by its catalog code. */
const CATEGORY_WEIGHTS: Record<string, number> = {
  'strazi-trotuare': 14, 'strazi-principale': 4, 'spatii-verzi': 9, deszapezire: 2, 'parcari-resedinta': 8,
  'parcare-ilegala': 9, salubrizare: 9, 'depozitari-ilegale': 5, 'zgomot-ordine-publica': 6, 'constructii-ilegale': 3,
  urbanism: 3, 'asociatii-proprietari': 3, locuinte: 2, 'asistenta-sociala': 3, 'taxe-locale': 4,
  'evidenta-persoanelor': 2, scoli: 2, piete: 1, 'comert-stradal': 2, cultura: 1, 'iluminat-public': 3,
  'caini-fara-stapan': 2, termoficare: 4, 'apa-canal': 2, 'transport-public': 2, 'conduita-personal': 1,
  'informatii-publice': 3,
};

/** What a citizen writes about, per category (the street is added). */
const CATEGORY_SUBJECTS: Record<string, string> = {
  'strazi-trotuare': 'Groapă adâncă în carosabil',
  'strazi-principale': 'Asfalt degradat pe bulevard',
  'spatii-verzi': 'Arbore uscat care stă să cadă',
  deszapezire: 'Trotuar nedeszăpezit',
  'parcari-resedinta': 'Loc de parcare de reședință ocupat abuziv',
  'parcare-ilegala': 'Mașină abandonată de luni de zile',
  salubrizare: 'Gunoiul nu a fost ridicat de o săptămână',
  'depozitari-ilegale': 'Moloz depozitat ilegal',
  'zgomot-ordine-publica': 'Zgomot puternic după ora 22',
  'constructii-ilegale': 'Construcție ridicată fără autorizație',
  urbanism: 'Întârziere la eliberarea certificatului de urbanism',
  'asociatii-proprietari': 'Administratorul asociației nu prezintă socotelile',
  locuinte: 'Cerere de locuință socială',
  'asistenta-sociala': 'Vârstnic singur care are nevoie de ajutor',
  'taxe-locale': 'Impozit calculat greșit pentru apartament',
  'evidenta-persoanelor': 'Programare pentru cartea de identitate',
  scoli: 'Acoperișul grădiniței plouă în clase',
  piete: 'Mizerie în piața agroalimentară',
  'comert-stradal': 'Terasă care ocupă tot trotuarul',
  cultura: 'Propunere de concert în parc',
  'iluminat-public': 'Stâlp de iluminat stins',
  'caini-fara-stapan': 'Haită de câini fără stăpân',
  termoficare: 'Fără apă caldă de trei zile',
  'apa-canal': 'Canal înfundat care inundă strada',
  'transport-public': 'Autobuzul nu respectă programul',
  'conduita-personal': 'Comportament nepoliticos la ghișeu',
  'informatii-publice': 'Solicitare de informații privind contractele de reparații',
};

export const SECTOR6_STREETS = [
  'Bulevardul Iuliu Maniu', 'Strada Valea Oltului', 'Bulevardul Timișoara', 'Drumul Taberei', 'Strada Brașov',
  'Bulevardul Uverturii', 'Strada Fabricii', 'Calea Giulești', 'Strada Dezrobirii', 'Bulevardul Constructorilor',
  'Strada Apusului', 'Bulevardul Ghencea', 'Strada Valea Cascadelor', 'Aleea Compozitorilor', 'Strada Răsăritului',
  'Strada Preciziei', 'Strada Virtuții', 'Strada Crângași', 'Strada Dreptății', 'Bulevardul Vasile Milea',
  'Strada Sibiului', 'Strada Târgu Neamț', 'Aleea Callatis', 'Strada Moinești', 'Strada Cernișoara',
  'Strada Valea Ialomiței', 'Strada Orșova', 'Splaiul Independenței', 'Strada Veteranilor', 'Strada Mehadia',
  'Strada Obcina Mare', 'Strada Romancierilor', 'Strada Hanul Ancuței', 'Bulevardul Geniului', 'Strada Sergent Ion Nuțu',
  'Strada Țintei', 'Strada Lujerului', 'Aleea Drumul Taberei', 'Strada Braniștei', 'Strada Gârlei',
];
const FIRST_NAMES = [
  'Ion', 'Maria', 'Andrei', 'Elena', 'Mihai', 'Ioana', 'Alexandru', 'Ana', 'Gabriel', 'Cristina', 'Ștefan', 'Mădălina',
  'Florin', 'Raluca', 'Vlad', 'Simona', 'Dumitru', 'Georgiana', 'Costel', 'Irina', 'Radu', 'Alina', 'Bogdan', 'Oana',
  'Cătălin', 'Daniela', 'Marian', 'Roxana', 'Nicolae', 'Ileana',
];
const LAST_NAMES = [
  'Popescu', 'Ionescu', 'Popa', 'Stan', 'Dumitru', 'Stoica', 'Gheorghe', 'Matei', 'Ciobanu', 'Rusu', 'Munteanu',
  'Constantin', 'Marin', 'Șerban', 'Dinu', 'Țurcanu', 'Lungu', 'Moldovan', 'Ene', 'Toma', 'Neagu', 'Dobre', 'Barbu',
  'Nistor', 'Florea', 'Căpraru', 'Mocanu', 'Iordache', 'Niță', 'Preda',
];
const BODY_OPENINGS = [
  'Bună ziua, vă scriu în legătură cu o problemă din cartier.',
  'Stimate domnule primar, vă aduc la cunoștință următoarea situație.',
  'Doresc să semnalez o problemă care durează de mult timp.',
  'Vă rog să interveniți cât mai repede.',
];
const BODY_CLOSINGS = [
  'Vă mulțumesc anticipat pentru răspuns.',
  'Aștept un răspuns în termenul legal.',
  'Locuitorii blocului vă roagă să rezolvați problema.',
  'Am mai sesizat problema și nu s-a întâmplat nimic.',
];

/** The closed statuses and the open ones (every status occurs), with their relative weights. */
const CLOSED_STATUSES: Array<[string, number]> = [['answered', 80], ['archived', 8], ['joined', 4], ['filed', 8]];
const OPEN_STATUSES: Array<[string, number]> = [['registered', 3], ['routed', 4], ['in_progress', 8], ['answer_submitted', 2], ['answer_signed', 1], ['approved', 1]];

function expand(weights: Array<[string, number]>): string[] {
  return weights.flatMap(([v, w]) => Array.from({ length: w }, () => v));
}

/** The secret code the bench uses for a seeded petition (its hash is what the seed stores). */
export function benchTrackingCode(registrationNumber: string): string {
  const hex = createHash('md5').update(`bench:${registrationNumber}`).digest('hex').slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

export type SeedCatalog = {
  categories: Array<{ id: string; code: string; regime: string; routing: string; departmentId: string | null; institutionId: string | null }>;
  /** Department id → an officer of it (assignee of petitions in progress), when the department has one. */
  officers: Map<string, string>;
  /** The department and the officer a conduct complaint goes to. */
  conduct: { departmentId: string; concernsUserId: string | null };
};

/** Reads what the seed needs from the catalog and the users already in the database. */
export async function loadSeedCatalog(sql: postgres.Sql): Promise<SeedCatalog> {
  const categories = await sql<SeedCatalog['categories']>`
    select id, code, regime, routing, handler_department_id as "departmentId", handler_institution_id as "institutionId"
    from categories where active order by sort_order`;
  const officers = new Map<string, string>();
  for (const row of await sql<Array<{ departmentId: string; id: string }>>`
    select distinct on (department_id) department_id as "departmentId", id from users
    where role = 'officer' and active and department_id is not null order by department_id, email`) officers.set(row.departmentId, row.id);
  const [adpdu] = await sql<Array<{ id: string }>>`select id from departments where code = 'ADPDU'`;
  const [anyDept] = await sql<Array<{ id: string }>>`select id from departments where not is_registry order by code limit 1`;
  const departmentId = adpdu?.id ?? anyDept?.id;
  if (!departmentId || categories.length === 0) throw new Error('seed: the catalog is empty (seed the catalog first)');
  return { categories: [...categories], officers, conduct: { departmentId, concernsUserId: officers.get(departmentId) ?? null } };
}

export type SeedBatch = {
  /** The petitions numbered lo..hi (1-based) of `total`. */
  lo: number;
  hi: number;
  total: number;
  now: Date;
  /** Share of closed petitions (default 0.9). */
  closedShare?: number;
  /** Closed petitions are spread over this many days before the open ones (default 3 years). */
  closedSpanDays?: number;
  /** Open petitions were registered within this many days before now (default 40). */
  openSpanDays?: number;
};

/**
 * One statement that writes petitions lo..hi with their events and clocks, and moves the register counters.
 * Returns the SQL text and its parameters (for postgres.js `unsafe`).
 */
export function seedBatchStatement(catalog: SeedCatalog, batch: SeedBatch): { text: string; params: unknown[] } {
  const closedShare = batch.closedShare ?? 0.9;
  const closedCount = Math.floor(batch.total * closedShare);
  const cats = catalog.categories;
  const weighted = cats.flatMap((c, i) => Array.from({ length: CATEGORY_WEIGHTS[c.code] ?? 1 }, () => i + 1));
  const params: unknown[] = [];
  const p = (value: unknown, cast: string) => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const deptOf = (c: SeedCatalog['categories'][number]) => (c.routing === 'by_person' ? catalog.conduct.departmentId : c.departmentId);
  const P = {
    lo: p(batch.lo, 'int'),
    hi: p(batch.hi, 'int'),
    total: p(batch.total, 'int'),
    closedCount: p(closedCount, 'int'),
    now: p(batch.now.toISOString(), 'timestamptz'),
    closedSpan: p(batch.closedSpanDays ?? 3 * 365, 'float8'),
    openSpan: p(batch.openSpanDays ?? 40, 'float8'),
    weighted: p(weighted, 'int[]'),
    catId: p(cats.map((c) => c.id), 'uuid[]'),
    catCode: p(cats.map((c) => c.code), 'text[]'),
    catRegime: p(cats.map((c) => c.regime), 'text[]'),
    catRouting: p(cats.map((c) => c.routing), 'text[]'),
    catDept: p(cats.map((c) => deptOf(c)), 'uuid[]'),
    catInst: p(cats.map((c) => c.institutionId), 'uuid[]'),
    catOfficer: p(cats.map((c) => { const d = deptOf(c); return d ? catalog.officers.get(d) ?? null : null; }), 'uuid[]'),
    catSubject: p(cats.map((c) => CATEGORY_SUBJECTS[c.code] ?? 'Problemă în cartier'), 'text[]'),
    concerns: p(catalog.conduct.concernsUserId, 'uuid'),
    streets: p(SECTOR6_STREETS, 'text[]'),
    first: p(FIRST_NAMES, 'text[]'),
    last: p(LAST_NAMES, 'text[]'),
    openings: p(BODY_OPENINGS, 'text[]'),
    closings: p(BODY_CLOSINGS, 'text[]'),
    closedStatuses: p(expand(CLOSED_STATUSES), 'text[]'),
    openStatuses: p(expand(OPEN_STATUSES), 'text[]'),
  };
  const pick = (arr: string, r: string) => `(${arr})[1 + floor(${r} * cardinality(${arr}))::int]`;
  const bucharestMidnight = (date: string) => `((${date})::timestamp at time zone 'Europe/Bucharest')`;
  const rollToWeekday = (date: string) => `((${date}) + case extract(isodow from (${date})) when 6 then 2 when 7 then 1 else 0 end)`;
  const openList = "('registered','routed','in_progress','answer_submitted','answer_signed','approved')";

  const text = `
with
raw as materialized (
  select g, g > ${P.closedCount} as open,
    random() as r_cat, random() as r_status, random() as r_ident, random() as r_kind, random() as r_first, random() as r_last,
    random() as r_email, random() as r_phone, random() as r_addr, random() as r_street, random() as r_open, random() as r_close,
    random() as r_extra, random() as r_type, random() as r_channel, random() as r_loc
  from generate_series(${P.lo}, ${P.hi}) as g
),
picked as materialized (
  select raw.*,
    ${pick(P.weighted, 'r_cat')} as ci,
    case when open then ${P.now} - (${P.openSpan} * (${P.total} - g)::float8 / greatest(${P.total} - ${P.closedCount}, 1)) * interval '1 day'
         else ${P.now} - (${P.openSpan} + ${P.closedSpan} * (${P.closedCount} - g)::float8 / greatest(${P.closedCount}, 1)) * interval '1 day' end
      as registered_at,
    ${pick(P.first, 'r_first')} as first_name,
    ${pick(P.last, 'r_last')} as last_name,
    ${pick(P.streets, 'r_street')} as street,
    1 + floor(r_loc * 180)::int as street_no
  from raw
),
shaped as materialized (
  select picked.*,
    (${P.catId})[ci] as category_id,
    (${P.catCode})[ci] as category_code,
    (${P.catRegime})[ci] as regime,
    (${P.catRouting})[ci] as routing,
    (registered_at at time zone 'Europe/Bucharest')::date as registered_on,
    r_ident >= 0.03 as identified,
    case when (${P.catRouting})[ci] = 'forward' then (case when open then 'registered' else 'forwarded' end)
         when r_ident < 0.03 then (case when open then 'registered' else 'filed' end)
         when open then ${pick(P.openStatuses, 'r_status')}
         else ${pick(P.closedStatuses, 'r_status')} end as status
  from picked
),
dated as materialized (
  select shaped.*,
    case when regime = 'l544' then 'I' else 'P' end as register,
    extract(year from registered_on)::int as year,
    ${rollToWeekday(`registered_on + case when regime = 'l544' then 11 else 30 end + case when open and status = 'in_progress' and r_extra < 0.03 then 15 else 0 end`)} as legal_due_on,
    open and status = 'in_progress' and r_extra < 0.03 as extended,
    case when routing = 'forward' then registered_on + 5 end as forward_due_on
  from shaped
),
numbered as materialized (
  select d.*,
    coalesce(rc.last, 0) + row_number() over (partition by d.register, d.year order by d.g) as seq
  from dated d left join register_counters rc on rc.register = d.register and rc.year = d.year
),
src as materialized (
  select n.*,
    n.register || '-' || n.year || '-' || lpad(n.seq::text, 6, '0') as registration_number,
    case when n.status in ('registered', 'forwarded') or (n.status = 'filed' and not n.identified) then null
         else n.registered_at + interval '1 day' end as routed_at,
    case when n.status in ('routed','in_progress','answer_submitted','answer_signed','approved') and n.routing <> 'forward'
         then ${rollToWeekday('n.legal_due_on - 7')} end as internal_due_on
  from numbered n
),
ins as (
  insert into petitions (
    id, register, year, seq, registration_number, regime, type, channel, status,
    petitioner_kind, petitioner_first_name, petitioner_last_name, petitioner_organization, petitioner_email, petitioner_phone,
    petitioner_address, identified, location_address, location_lat, location_lng, subject, body, category_id,
    handler_department_id, handler_institution_id, assignee_id, concerns_user_id, joined_into_id, created_by_user_id,
    registered_at, registered_on, legal_due_on, internal_due_on, forward_due_on, extended_at, internal_paused_at,
    filed_reason, related_petition_id, forward_letter_ref, routed_at, tracking_code_hash, updated_at
  )
  select
    gen_random_uuid(), register, year, seq, registration_number, regime,
    case when regime = 'l544' then 'cerere' else (array['sesizare','sesizare','sesizare','reclamatie','cerere','propunere'])[1 + floor(r_type * 6)::int] end,
    (array['web','web','web','web','web','email','post','desk','phone'])[1 + floor(r_channel * 9)::int],
    status,
    case when identified and r_kind < 0.05 then 'organization' else 'person' end,
    case when identified and r_kind >= 0.05 then first_name end,
    case when identified and r_kind >= 0.05 then last_name end,
    case when identified and r_kind < 0.05 then 'Asociația de Proprietari ' || street || ' nr. ' || street_no end,
    case when identified and r_email < 0.7
      then lower(translate(first_name || '.' || last_name, 'ăâîșțĂÂÎȘȚ', 'aaistAAIST')) || g || '@example.ro' end,
    case when identified and r_phone < 0.5 then '+4072' || lpad((g % 10000000)::text, 7, '0') end,
    case when identified and (r_addr < 0.3 or (r_email >= 0.7 and r_phone >= 0.5)) then street || ' ' || street_no || ', bl. ' || (1 + g % 40) || ', ap. ' || (1 + g % 90) || ', Sector 6, București' end,
    identified,
    street || ' ' || street_no || ', Sector 6',
    case when r_loc < 0.4 then 44.42 + r_loc * 0.05 end,
    case when r_loc < 0.4 then 26.00 + r_loc * 0.08 end,
    (${P.catSubject})[ci] || ' pe ' || street,
    ${pick(P.openings, 'r_open')} || E'\\n\\n' || (${P.catSubject})[ci] || ' pe ' || street || ', în dreptul numărului ' || street_no
      || '. Situația durează de ' || (2 + g % 20) || ' zile și îi afectează pe locuitorii din zonă, mai ales pe copii și pe vârstnici. '
      || E'\\n\\n' || ${pick(P.closings, 'r_close')},
    category_id,
    (${P.catDept})[ci],
    (${P.catInst})[ci],
    case when status in ('in_progress','answer_submitted','answer_signed','approved','answered') then (${P.catOfficer})[ci] end,
    case when routing = 'by_person' then ${P.concerns} end,
    null, null,
    registered_at, registered_on, legal_due_on, internal_due_on, forward_due_on,
    case when extended then registered_at + interval '20 days' end,
    case when status = 'in_progress' and internal_due_on is not null and r_extra >= 0.03 and r_extra < 0.06 then registered_at + interval '5 days' end,
    case when status = 'filed' then (case when not identified then 'anonymous' when r_extra < 0.5 then 'repeated' else 'withdrawn' end) end,
    null,
    case when status = 'forwarded' then 'Adresa nr. ' || (1000 + g % 9000) end,
    routed_at,
    sha256(convert_to(upper(left(md5('bench:' || registration_number), 16)), 'UTF8')),
    registered_at + interval '1 day'
  from src
  returning id, status, registration_number, registered_at, legal_due_on, internal_due_on, forward_due_on, internal_paused_at
),
ev as (
  insert into petition_events (petition_id, at, actor_kind, type, public, text_ro, text_en, data)
  select i.id, e.at, e.actor_kind, e.type, e.public, e.text_ro, e.text_en, '{}'::jsonb
  from ins i cross join lateral (values
    (1, i.registered_at, 'citizen', 'registered', true,
     'Petiția a fost înregistrată cu nr. ' || i.registration_number || '.', 'The petition was registered as no. ' || i.registration_number || '.'),
    (2, i.registered_at + interval '1 day', 'staff', i.status, i.status in ('routed','answered','forwarded','filed','joined'),
     'Stare nouă: ' || i.status || '.', 'New status: ' || i.status || '.')
  ) as e(nth, at, actor_kind, type, public, text_ro, text_en)
  where e.nth = 1 or i.status <> 'registered'
  returning 1
),
ck as (
  insert into petition_clocks (petition_id, clock, stage, due_on, fires_at, fired_at)
  select i.id, c.clock, c.stage, c.due_on, c.fires_at, case when c.fires_at <= ${P.now} then c.fires_at end
  from ins i cross join lateral (values
    ('legal', 'at_risk', i.legal_due_on, ${bucharestMidnight('i.legal_due_on - 7')}),
    ('legal', 'breached', i.legal_due_on, ${bucharestMidnight('i.legal_due_on + 1')}),
    ('internal', 'at_risk', i.internal_due_on, ${bucharestMidnight('i.internal_due_on - 5')}),
    ('internal', 'breached', i.internal_due_on, ${bucharestMidnight('i.internal_due_on + 1')}),
    ('forward', 'at_risk', i.forward_due_on, ${bucharestMidnight('i.forward_due_on - 2')}),
    ('forward', 'breached', i.forward_due_on, ${bucharestMidnight('i.forward_due_on + 1')})
  ) as c(clock, stage, due_on, fires_at)
  where i.status in ${openList} and c.due_on is not null
    and (c.clock <> 'internal' or i.internal_paused_at is null)
    and (c.clock <> 'forward' or i.status = 'registered')
  returning 1
),
counters as (
  insert into register_counters (register, year, last)
  select register, year, max(seq) from src group by register, year
  on conflict (register, year) do update set last = greatest(register_counters.last, excluded.last)
  returning 1
)
select (select count(*) from ins)::int as petitions, (select count(*) from ev)::int as events, (select count(*) from ck)::int as clocks`;
  return { text, params };
}

/** Seeds `total` petitions in batches; `onProgress(done, total)` after each batch. */
export async function seedPetitions(
  sql: postgres.Sql,
  { total, batchSize = 50_000, now = new Date(), onProgress }: { total: number; batchSize?: number; now?: Date; onProgress?: (done: number, total: number) => void },
): Promise<{ petitions: number; events: number; clocks: number }> {
  const catalog = await loadSeedCatalog(sql);
  const sums = { petitions: 0, events: 0, clocks: 0 };
  for (let lo = 1; lo <= total; lo += batchSize) {
    const hi = Math.min(total, lo + batchSize - 1);
    const { text, params } = seedBatchStatement(catalog, { lo, hi, total, now });
    const [row] = await sql.unsafe<Array<{ petitions: number; events: number; clocks: number }>>(text, params as never[]);
    sums.petitions += row!.petitions;
    sums.events += row!.events;
    sums.clocks += row!.clocks;
    onProgress?.(hi, total);
  }
  return sums;
}
