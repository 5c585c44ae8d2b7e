// The queries a request really sends, and their plans: a Drizzle database over postgres.js that records every
// statement with its parameters, and EXPLAIN of the recorded statements. Used by the query-plan test
// (no whole-table scan of petitions in the hot paths) and by the bench's EXPLAIN ANALYZE notes.
import { drizzle } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import type { Db } from '../../db/client';
import * as schema from '../../db/schema';

export type RecordedQuery = { sql: string; params: unknown[] };

export function recordingDb(client: postgres.Sql): { db: Db; queries: RecordedQuery[] } {
  const queries: RecordedQuery[] = [];
  const db = drizzle(client, { schema, logger: { logQuery: (query, params) => queries.push({ sql: query, params: [...params] }) } }) as unknown as Db;
  return { db, queries };
}

export type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[]; [key: string]: unknown };

/** EXPLAIN (FORMAT JSON) of a recorded statement, with ANALYZE when asked (it then runs the statement). */
export async function explain(client: postgres.Sql, q: RecordedQuery, { analyze = false } = {}): Promise<{ plan: PlanNode; executionMs: number | null; planningMs: number | null }> {
  const options = analyze ? 'analyze, buffers, format json' : 'format json';
  const rows = await client.unsafe(`explain (${options}) ${q.sql}`, q.params as never[]);
  const first = (rows[0] as Record<string, unknown>)['QUERY PLAN'];
  const doc = (typeof first === 'string' ? JSON.parse(first) : first) as Array<{ Plan: PlanNode; 'Execution Time'?: number; 'Planning Time'?: number }>;
  return { plan: doc[0]!.Plan, executionMs: doc[0]!['Execution Time'] ?? null, planningMs: doc[0]!['Planning Time'] ?? null };
}

/** Every node of a plan, depth first. */
export function planNodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(planNodes)];
}

/** The sequential scans of `table` in a plan (empty when every access to it goes through an index). */
export function seqScansOf(plan: PlanNode, table: string): PlanNode[] {
  return planNodes(plan).filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === table);
}

/** A plan as indented text, one node a line (for failure messages and the bench's notes). */
export function describePlan(plan: PlanNode, depth = 0): string {
  const what = [plan['Node Type'], plan['Index Name'] ? `using ${plan['Index Name']}` : '', plan['Relation Name'] ? `on ${plan['Relation Name']}` : '']
    .filter(Boolean)
    .join(' ');
  const timing = typeof plan['Actual Total Time'] === 'number' ? ` (${plan['Actual Rows']} rows, ${plan['Actual Total Time']} ms)` : '';
  return [`${'  '.repeat(depth)}${what}${timing}`, ...(plan.Plans ?? []).map((p) => describePlan(p, depth + 1))].join('\n');
}

/** Whether a statement reads the petitions table (the ones the plan test checks). */
export function readsPetitions(q: RecordedQuery): boolean {
  return /\b(from|join)\s+"?petitions"?(\s|"|$)/i.test(q.sql) && /^\s*\(?\s*(select|with)\b/i.test(q.sql);
}
