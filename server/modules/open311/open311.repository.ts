// Drizzle queries for Open311: the public categories, and the petitions of public categories as the
// specification's service requests. No column of the petitioner is ever selected here.
import { and, asc, desc, eq, gte, inArray, isNull, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { categories, departments, institutions, open311ApiKeys, open311Requests, petitions } from '../../../db/schema';
import type { PetitionStatus } from '../../../shared/domain/petition-codes';

export async function listPublicCategories(db: DbOrTx) {
  return db
    .select({
      code: categories.code,
      nameRo: categories.nameRo,
      nameEn: categories.nameEn,
      deptName: departments.name,
      instName: institutions.name,
    })
    .from(categories)
    .leftJoin(departments, eq(departments.id, categories.handlerDepartmentId))
    .leftJoin(institutions, eq(institutions.id, categories.handlerInstitutionId))
    .where(and(eq(categories.active, true), eq(categories.public, true)))
    .orderBy(asc(categories.sortOrder), asc(categories.code));
}

export async function findPublicCategory(db: DbOrTx, code: string) {
  const [row] = await db
    .select({ code: categories.code })
    .from(categories)
    .where(and(eq(categories.code, code), eq(categories.active, true), eq(categories.public, true)));
  return row ?? null;
}

/** The facts of a service request: never a petitioner's column, never the body. */
const requestColumns = {
  registrationNumber: petitions.registrationNumber,
  status: petitions.status,
  subject: petitions.subject,
  serviceCode: categories.code,
  serviceName: categories.nameRo,
  deptName: departments.name,
  instName: institutions.name,
  registeredAt: petitions.registeredAt,
  updatedAt: petitions.updatedAt,
  legalDueOn: petitions.legalDueOn,
  locationAddress: petitions.locationAddress,
  locationLat: petitions.locationLat,
  locationLng: petitions.locationLng,
  mediaUrl: open311Requests.mediaUrl,
};
export type ServiceRequestRow = {
  registrationNumber: string;
  status: PetitionStatus;
  subject: string;
  serviceCode: string;
  serviceName: string;
  deptName: string | null;
  instName: string | null;
  registeredAt: Date;
  updatedAt: Date;
  legalDueOn: string;
  locationAddress: string | null;
  locationLat: number | null;
  locationLng: number | null;
  mediaUrl: string | null;
};

export type ServiceRequestFilter = {
  numbers?: string[];
  serviceCodes?: string[];
  statuses?: readonly PetitionStatus[];
  from?: Date;
  to?: Date;
  limit: number;
};

export async function listServiceRequests(db: DbOrTx, f: ServiceRequestFilter): Promise<ServiceRequestRow[]> {
  // Only petitions whose category is public, whatever else is asked (DOMAIN.md: open data).
  const where: SQL[] = [eq(categories.public, true)];
  if (f.numbers) where.push(inArray(petitions.registrationNumber, f.numbers));
  if (f.serviceCodes) where.push(inArray(categories.code, f.serviceCodes));
  if (f.statuses) where.push(inArray(petitions.status, [...f.statuses]));
  if (f.from) where.push(gte(petitions.registeredAt, f.from));
  if (f.to) where.push(lt(petitions.registeredAt, f.to));
  return db
    .select(requestColumns)
    .from(petitions)
    .innerJoin(categories, eq(categories.id, petitions.categoryId))
    .leftJoin(departments, eq(departments.id, petitions.handlerDepartmentId))
    .leftJoin(institutions, eq(institutions.id, petitions.handlerInstitutionId))
    .leftJoin(open311Requests, eq(open311Requests.petitionId, petitions.id))
    .where(and(...where))
    .orderBy(desc(petitions.registeredAt), desc(petitions.registrationNumber))
    .limit(f.limit);
}

/** An active key by its SHA-256; marks it used. */
export async function useApiKey(db: DbOrTx, keyHash: string, now: Date): Promise<{ id: string } | null> {
  const [row] = await db
    .update(open311ApiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(open311ApiKeys.keyHash, keyHash), isNull(open311ApiKeys.revokedAt)))
    .returning({ id: open311ApiKeys.id });
  return row ?? null;
}

export async function insertOpen311Request(db: DbOrTx, row: typeof open311Requests.$inferInsert): Promise<void> {
  await db.insert(open311Requests).values(row).onConflictDoNothing();
}
