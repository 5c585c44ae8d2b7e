import { asc, and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { departments, institutions, petitionEvents, petitions } from '../../../db/schema';

export async function findPetitionForTracking(db: DbOrTx, registrationNumber: string) {
  const [row] = await db
    .select({
      id: petitions.id,
      registrationNumber: petitions.registrationNumber,
      status: petitions.status,
      registeredAt: petitions.registeredAt,
      registeredOn: petitions.registeredOn,
      legalDueOn: petitions.legalDueOn,
      trackingCodeHash: petitions.trackingCodeHash,
      handlerDepartmentId: petitions.handlerDepartmentId,
      handlerInstitutionId: petitions.handlerInstitutionId,
      email: petitions.petitionerEmail,
      phone: petitions.petitionerPhone,
      identified: petitions.identified,
      joinedIntoId: petitions.joinedIntoId,
      registeredOnDate: petitions.registeredOn,
    })
    .from(petitions)
    .where(eq(petitions.registrationNumber, registrationNumber));
  return row ?? null;
}

export async function listPublicEvents(db: DbOrTx, petitionId: string) {
  return db
    .select({ at: petitionEvents.at, type: petitionEvents.type, textRo: petitionEvents.textRo, textEn: petitionEvents.textEn })
    .from(petitionEvents)
    .where(and(eq(petitionEvents.petitionId, petitionId), eq(petitionEvents.public, true)))
    .orderBy(asc(petitionEvents.id));
}

export async function findRegistry(db: DbOrTx) {
  const [row] = await db.select({ code: departments.code, name: departments.name }).from(departments).where(eq(departments.isRegistry, true)).limit(1);
  return row ?? null;
}

export async function findHandler(db: DbOrTx, { departmentId, institutionId }: { departmentId: string | null; institutionId: string | null }) {
  if (departmentId) {
    const [row] = await db.select({ code: departments.code, name: departments.name }).from(departments).where(eq(departments.id, departmentId));
    return row ?? null;
  }
  if (institutionId) {
    const [row] = await db.select({ code: institutions.code, name: institutions.name }).from(institutions).where(eq(institutions.id, institutionId));
    return row ?? null;
  }
  return null;
}

export async function replaceTrackingCodeHash(db: DbOrTx, petitionId: string, hash: Uint8Array): Promise<void> {
  await db.update(petitions).set({ trackingCodeHash: hash }).where(eq(petitions.id, petitionId));
}
