// The staff list's filters beyond queue, clock, status and text (issue 6 §2): each bar and number of the
// dashboard opens the list behind it — a department (or none), a channel, a category, the registration
// dates, the answer's dispatch dates, only the open ones. Dates are Bucharest calendar dates, inclusive.
import { and, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { answers, categories, departments, petitions } from '../../../db/schema';
import type { ListQuery } from '../../../shared/api/staff-petitions';
import { addDays, bucharestMidnight } from '../../../shared/domain/dates';
import { statusIn } from './staff-petitions.repository';

const NOTHING = '00000000-0000-0000-0000-000000000000';

export async function listFilterConditions(db: DbOrTx, q: ListQuery): Promise<SQL[]> {
  const out: SQL[] = [];
  // The department queue reads departmentCode itself (city-wide roles only), as it always did.
  if (q.departmentCode && q.queue !== 'department') {
    if (q.departmentCode === 'none') out.push(isNull(petitions.handlerDepartmentId));
    else {
      const [d] = await db.select({ id: departments.id }).from(departments).where(eq(departments.code, q.departmentCode));
      out.push(eq(petitions.handlerDepartmentId, d?.id ?? NOTHING));
    }
  }
  if (q.channel) out.push(eq(petitions.channel, q.channel));
  if (q.categoryCode) {
    const [c] = await db.select({ id: categories.id }).from(categories).where(eq(categories.code, q.categoryCode));
    out.push(eq(petitions.categoryId, c?.id ?? NOTHING));
  }
  if (q.registeredFrom) out.push(gte(petitions.registeredAt, bucharestMidnight(q.registeredFrom)));
  if (q.registeredTo) out.push(lt(petitions.registeredAt, bucharestMidnight(addDays(q.registeredTo, 1))));
  if (q.answeredFrom || q.answeredTo) {
    // The final answer (not a Legea 544 complexity notice); a joined petition is answered with its group.
    const dispatched = db
      .select({ id: answers.petitionId })
      .from(answers)
      .where(
        and(
          inArray(answers.kind, ['answer', 'l544_refusal']),
          q.answeredFrom ? gte(answers.dispatchedAt, bucharestMidnight(q.answeredFrom)) : sql`${answers.dispatchedAt} is not null`,
          q.answeredTo ? lt(answers.dispatchedAt, bucharestMidnight(addDays(q.answeredTo, 1))) : undefined,
        ),
      );
    out.push(inArray(sql`coalesce(${petitions.joinedIntoId}, ${petitions.id})`, dispatched));
  }
  if (q.open) out.push(statusIn(['registered', 'routed', 'in_progress', 'answer_submitted', 'answer_signed', 'approved']));
  return out;
}
