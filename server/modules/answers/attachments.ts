// Files: the annexes an officer adds to an answer (issue 4 §1), and downloads — staff read the files a
// petitioner sent (personal data: each read logged), the citizen downloads the annexes of a sent answer.
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type { Db } from '../../../db/client';
import { attachments, personalDataReads } from '../../../db/schema';
import type { AppDeps } from '../../app';
import { appError } from '../../lib/errors';
import type { AppEnv } from '../../lib/http';
import { attachmentHeaders, readUploadedFiles } from '../../lib/uploads';
import { mayReadPetitioner } from '../access/policy';
import { currentUser } from '../auth/auth.middleware';
import { loadVisiblePetition } from '../petitions/staff-petitions.usecases';
import * as repo from './answers.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const meta = { id: attachments.id, fileName: attachments.fileName, contentType: attachments.contentType, size: attachments.size, answerId: attachments.answerId, createdAt: attachments.createdAt };

export async function listAnswerAttachments(db: Db, answerId: string) {
  return db.select(meta).from(attachments).where(eq(attachments.answerId, answerId)).orderBy(asc(attachments.createdAt));
}

async function findFile(db: Db, petitionId: string, id: string) {
  if (!UUID.test(id)) return null;
  const [row] = await db.select().from(attachments).where(and(eq(attachments.id, id), eq(attachments.petitionId, petitionId)));
  return row ?? null;
}

export function attachmentRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post('/petitions/:id/answer/attachments', async (c) => {
    const user = currentUser(c);
    const { found } = await loadVisiblePetition(deps.db, user, c.req.param('id'));
    const p = found.petition;
    if (p.assigneeId !== user.id) throw appError('auth.forbidden', 'Only the assigned officer attaches files to the answer.');
    const draft = await repo.findCurrentAnswer(deps.db, p.id);
    if (p.status !== 'in_progress' || !draft) throw appError('petitions.conflict', 'Save a draft first; annexes can change only while the petition is in progress.');
    if (!/^multipart\/form-data/i.test(c.req.header('content-type') ?? '')) throw appError('request.unsupported_media_type', 'Send the files as multipart/form-data parts named `attachments`.');
    const form = await c.req.parseBody({ all: true }).catch(() => { throw appError('request.invalid', 'The multipart body could not be read.'); });
    const existing = await listAnswerAttachments(deps.db, draft.id);
    const files = await readUploadedFiles(form.attachments, { already: existing.length });
    if (files.length === 0) throw appError('request.invalid', 'No file was sent.', { fields: [{ path: 'attachments', code: 'required', message: 'Required' }] });
    const rows = await deps.db.insert(attachments).values(files.map((f) => ({
      petitionId: p.id, answerId: draft.id, fileName: f.fileName, contentType: f.contentType, size: f.bytes.byteLength,
      sha256: createHash('sha256').update(f.bytes).digest('hex'), content: f.bytes, uploadedByUserId: user.id,
    }))).returning(meta);
    return c.json({ items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) }, 201);
  });

  app.delete('/petitions/:id/answer/attachments/:fileId', async (c) => {
    const user = currentUser(c);
    const { found } = await loadVisiblePetition(deps.db, user, c.req.param('id'));
    const p = found.petition;
    if (p.assigneeId !== user.id) throw appError('auth.forbidden', 'Only the assigned officer removes annexes.');
    const draft = await repo.findCurrentAnswer(deps.db, p.id);
    if (p.status !== 'in_progress' || !draft) throw appError('petitions.conflict', 'Annexes can change only while the petition is in progress.');
    const file = await findFile(deps.db, p.id, c.req.param('fileId'));
    if (!file || file.answerId !== draft.id) throw appError('request.not_found', 'No such annex.');
    await deps.db.delete(attachments).where(eq(attachments.id, file.id));
    return c.body(null, 204);
  });

  // Staff download: the petitioner's own files are personal data (GDPR: logged, and only for those who work it).
  app.get('/petitions/:id/attachments/:fileId', async (c) => {
    const user = currentUser(c);
    const { ctx, found } = await loadVisiblePetition(deps.db, user, c.req.param('id'));
    const file = await findFile(deps.db, found.petition.id, c.req.param('fileId'));
    if (!file) throw appError('request.not_found', 'No such file.');
    if (file.answerId === null) {
      if (!mayReadPetitioner(ctx, found.petition)) throw appError('auth.forbidden', 'Only those who work the petition open the petitioner’s files.');
      await deps.db.insert(personalDataReads).values({ userId: user.id, petitionId: found.petition.id, source: 'attachment', subject: found.petition.registrationNumber, at: deps.clock.now() });
    }
    return c.body(Buffer.from(file.content), 200, attachmentHeaders(file));
  });
  return app;
}

/** The citizen's download: only an annex of the answer that was sent (never the petitioner's own uploads). */
export async function findDispatchedAnnex(db: Db, answerId: string, fileId: string) {
  if (!UUID.test(fileId)) return null;
  const [row] = await db.select().from(attachments).where(and(eq(attachments.id, fileId), eq(attachments.answerId, answerId)));
  return row ?? null;
}

