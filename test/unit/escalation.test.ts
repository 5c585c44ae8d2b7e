import { describe, expect, test } from 'vitest';
import { chainOf, selectRecipients, type EscalationPetition, type StaffMember } from '../../server/modules/clocks/escalation';

const member = (id: string, role: string, departmentId: string | null, managerId: string | null = null): StaffMember => ({
  id, name: id, email: `${id}@x.ro`, role, departmentId, managerId,
});
// An internal department (DGSPL-like) and a subordinate service (ADPDU-like), with their reporting lines.
const staff = [
  member('registry', 'registry', 'REG'),
  member('delegate', 'delegate', null),
  member('delegate2', 'delegate', null),
  member('int.head', 'head', 'INT', 'delegate'),
  member('int.officer', 'officer', 'INT', 'int.head'),
  member('sub.director', 'director', 'SUB', 'delegate'),
  member('sub.head', 'head', 'SUB', 'sub.director'),
  member('sub.officer', 'officer', 'SUB', 'sub.head'),
];
const managerOf = new Map(staff.map((u) => [u.id, u.managerId]));

const routed = (over: Partial<EscalationPetition> = {}): EscalationPetition => ({
  status: 'in_progress', routedAt: new Date('2026-11-27T10:00:00Z'), handlerDepartmentId: 'INT', departmentKind: 'internal',
  assigneeId: 'int.officer', concernsUserId: null, ...over,
});
const who = (args: Omit<Parameters<typeof selectRecipients>[0], 'staff' | 'managerOf'>) => selectRecipients({ ...args, staff, managerOf }).map((u) => u.id).sort();

describe('who hears about a clock (issue 3 §5)', () => {
  test.each([
    ['legal', 'at_risk', routed(), ['int.head', 'int.officer']],
    ['internal', 'at_risk', routed(), ['int.head', 'int.officer']],
    ['internal', 'breached', routed(), ['int.head']],
    ['legal', 'breached', routed(), ['delegate', 'delegate2', 'int.head']],
    ['legal', 'breached', routed({ handlerDepartmentId: 'SUB', departmentKind: 'subordinate', assigneeId: 'sub.officer' }), ['sub.director', 'sub.head']],
    ['legal', 'at_risk', routed({ status: 'registered', routedAt: null }), ['registry']],
    ['legal', 'breached', routed({ status: 'registered', routedAt: null }), ['registry']],
    ['forward', 'at_risk', routed({ status: 'registered', routedAt: null }), ['registry']],
  ] as const)('the %s clock %s reaches exactly the right people (%#)', (clock, stage, petition, expected) => {
    expect(who({ clock, stage, petition })).toEqual([...expected].sort());
  });

  test('an at-risk warning without an assignee goes to the head only', () => {
    expect(who({ clock: 'legal', stage: 'at_risk', petition: routed({ assigneeId: null }) })).toEqual(['int.head']);
  });

  test('the conduct rule keeps the officer concerned out; the head still hears', () => {
    expect(who({ clock: 'legal', stage: 'at_risk', petition: routed({ concernsUserId: 'int.officer' }) })).toEqual(['int.head']);
  });

  test('a complaint about the head keeps the head and their officers out; the delegates act in their place', () => {
    expect(who({ clock: 'legal', stage: 'at_risk', petition: routed({ concernsUserId: 'int.head' }) })).toEqual(['delegate', 'delegate2']);
  });

  test('a complaint about a delegate reaches the other delegate, never the one concerned', () => {
    const p = routed({ concernsUserId: 'delegate' });
    expect(who({ clock: 'legal', stage: 'breached', petition: p })).toEqual(['delegate2']);
  });

  test('a complaint about a service director keeps the whole service out; the delegates are told', () => {
    const p = routed({ handlerDepartmentId: 'SUB', departmentKind: 'subordinate', assigneeId: 'sub.officer', concernsUserId: 'sub.director' });
    expect(who({ clock: 'legal', stage: 'breached', petition: p })).toEqual(['delegate', 'delegate2']);
  });

  test('the reporting line is followed upwards and stops on a cycle', () => {
    expect(chainOf('sub.officer', managerOf)).toEqual(['sub.officer', 'sub.head', 'sub.director', 'delegate']);
    expect(chainOf('a', new Map([['a', 'b'], ['b', 'a']]))).toEqual(['a', 'b']);
  });
});
