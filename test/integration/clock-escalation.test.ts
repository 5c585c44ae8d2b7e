import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { petitionClocks } from '../../db/schema';
import { createTestApp, type TestApp } from '../helpers/app';
import { register, routeInDb, seedStaff, setPetition } from '../helpers/clock-fixtures';
import { clockEvents, reached, sorted, sweeperAt } from '../helpers/sweeper-probes';

// Who hears about each clock step (issue 3 §5), with the demo accounts of the test file's own database.
let t: TestApp;
let ids: Map<string, string>;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-02T08:00:00Z' });
  ids = await seedStaff(t);
});
afterAll(() => t.cleanup());

const id = (local: string) => ids.get(local)!;

describe('clock escalations', () => {
  test('a petition not routed yet escalates to the registry at every step', async () => {
    t.clock.set('2026-11-02T09:00:00Z');
    const p = await register(t);
    const { clock, s } = sweeperAt(t, '2026-11-23T08:00:00Z');
    await s.runOnce();
    clock.set('2026-12-03T08:00:00Z');
    await s.runOnce();
    const events = await clockEvents(t, p.id);
    expect(events.map((e) => [e.type, sorted(e.recipients)])).toEqual([
      ['clock.at_risk', [id('registratura')]],
      ['clock.breached', [id('registratura')]],
    ]);
    expect((await reached(t, p.id, 'clock.breached')).mails).toEqual(['registratura@demo.primarie6.ro']);
  });

  test('in an internal department each step reaches exactly the officer, the head and, at the legal breach, the delegate', async () => {
    t.clock.set('2026-11-02T10:00:00Z');
    const p = await register(t, { categoryCode: 'salubrizare' });
    await routeInDb(t, p.id, { departmentCode: 'DGSPL', internalDueOn: '2026-11-25', assigneeId: id('dgspl.inspector'), status: 'in_progress' });
    const { clock, s, events } = sweeperAt(t, '2026-11-19T22:00:00Z'); // internal at risk: 3 working days before Wed 25 Nov
    const steps: Array<[string, string, string, string[]]> = [
      ['2026-11-19T22:00:00Z', 'clock.at_risk', 'internal', ['dgspl.inspector', 'dgspl.sef']],
      ['2026-11-22T22:00:00Z', 'clock.at_risk', 'legal', ['dgspl.inspector', 'dgspl.sef']],
      ['2026-11-25T22:00:00Z', 'clock.breached', 'internal', ['dgspl.sef']],
      ['2026-12-02T22:00:00Z', 'clock.breached', 'legal', ['dgspl.sef', 'delegat']],
    ];
    for (const [at, type, which, people] of steps) {
      clock.set(at);
      await s.runOnce();
      const last = (await clockEvents(t, p.id)).at(-1)!;
      expect(last).toMatchObject({ type, clock: which });
      expect(sorted(last.recipients)).toEqual(sorted(people.map(id)));
    }
    expect(await clockEvents(t, p.id)).toHaveLength(4);
    const breach = await reached(t, p.id, 'clock.breached');
    // One notice and one e-mail per recipient per step: the head twice (internal + legal), the delegate once.
    expect(breach.notices).toEqual(sorted([id('dgspl.sef'), id('dgspl.sef'), id('delegat')]));
    expect(breach.mails).toEqual(['delegat@demo.primarie6.ro', 'dgspl.sef@demo.primarie6.ro', 'dgspl.sef@demo.primarie6.ro']);
    for (const body of breach.bodies) {
      expect(body).toContain(p.registrationNumber);
      expect(body).toContain('Groapă adâncă pe strada Țintei');
      expect(body).toContain(`https://petitii.test/personal/petitii/${p.id}`);
    }
    // After each commit: one petition.clock per step, one staff.notice per recipient.
    const mine = events.recorded.filter((e) => (e.payload as { petitionId: string }).petitionId === p.id);
    expect(mine.filter((e) => e.name === 'petition.clock')).toHaveLength(4);
    expect(mine.filter((e) => e.name === 'staff.notice')).toHaveLength(2 + 2 + 1 + 2);
  });

  test('for a subordinate service the legal breach reaches the head and the service’s director, not the delegate (OG 27/2002 art. 13)', async () => {
    t.clock.set('2026-11-02T11:00:00Z');
    const p = await register(t);
    await routeInDb(t, p.id, { departmentCode: 'ADPDU', internalDueOn: '2026-11-25', assigneeId: id('adpdu.inspector') });
    await sweeperAt(t, '2026-12-03T08:00:00Z').s.runOnce();
    const breach = (await clockEvents(t, p.id)).find((e) => e.type === 'clock.breached' && e.clock === 'legal')!;
    expect(sorted(breach.recipients)).toEqual(sorted([id('adpdu.sef'), id('adpdu.director')]));
  });

  test('the forward clock (OG 27/2002 art. 6^1) warns the registry, and stops once the petition is forwarded', async () => {
    t.clock.set('2026-11-26T10:00:00Z');
    const kept = await register(t, { categoryCode: 'caini-fara-stapan' });
    const sent = await register(t, { categoryCode: 'caini-fara-stapan' });
    const { clock, s } = sweeperAt(t, '2026-11-26T10:01:00Z'); // forward due 2 Dec: already within 2 working days
    await s.runOnce();
    expect((await clockEvents(t, kept.id)).map((e) => [e.type, e.clock, e.recipients])).toEqual([['clock.at_risk', 'forward', [id('registratura')]]]);
    await setPetition(t, sent.id, { status: 'forwarded' });
    clock.set('2026-12-02T22:00:00Z');
    await s.runOnce();
    expect((await clockEvents(t, kept.id)).map((e) => e.type)).toEqual(['clock.at_risk', 'clock.breached']);
    expect((await clockEvents(t, sent.id)).map((e) => e.type)).toEqual(['clock.at_risk']);
    const pending = await t.db.select().from(petitionClocks).where(and(eq(petitionClocks.petitionId, sent.id), eq(petitionClocks.clock, 'forward'), sql`${petitionClocks.firedAt} is null`));
    expect(pending).toEqual([]);
  });

  test('the conduct rule keeps the person concerned and everyone under them out of the notices', async () => {
    t.clock.set('2026-11-02T12:00:00Z');
    const aboutOfficer = await register(t, { categoryCode: 'salubrizare' });
    const aboutHead = await register(t, { categoryCode: 'salubrizare' });
    await routeInDb(t, aboutOfficer.id, { departmentCode: 'DGSPL', internalDueOn: '2026-11-25', concernsUserId: id('dgspl.inspector') });
    await routeInDb(t, aboutHead.id, { departmentCode: 'DGSPL', internalDueOn: '2026-11-25', assigneeId: id('dgspl.inspector'), concernsUserId: id('dgspl.sef') });
    await sweeperAt(t, '2026-11-23T08:00:00Z').s.runOnce();
    const officerCase = await reached(t, aboutOfficer.id, 'clock.at_risk');
    expect(officerCase.notices.every((u) => u === id('dgspl.sef'))).toBe(true);
    // The head is concerned: neither the head nor their officer hears; the mayor's delegate acts in their place.
    const headCase = await reached(t, aboutHead.id, 'clock.at_risk');
    expect(headCase.notices.length).toBeGreaterThan(0);
    expect(headCase.notices.every((u) => u === id('delegat'))).toBe(true);
    expect(headCase.mails.every((m) => m === 'delegat@demo.primarie6.ro')).toBe(true);
  });
});
