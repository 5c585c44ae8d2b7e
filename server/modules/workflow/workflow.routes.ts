// The registry's and the departments' actions on a petition: each validates, calls one use case, and
// answers 204 (the client refetches the petition, or hears of it over the socket).
import { Hono } from 'hono';
import {
  assignInputSchema, contributionAnswerSchema, contributionInputSchema, fileInputSchema, forwardInputSchema, joinInputSchema,
  noteInputSchema, returnInputSchema, routeInputSchema,
} from '../../../shared/api/staff-petitions';
import type { AppDeps } from '../../app';
import { parseOrThrow, type AppEnv } from '../../lib/http';
import { appError } from '../../lib/errors';
import { currentUser } from '../auth/auth.middleware';
import { addNote, answerContribution, assignPetition, requestContribution, returnPetition } from './department-actions.usecases';
import { filePetition, forwardPetition, joinPetition, routePetition } from './registry-actions.usecases';

export function workflowRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const base = { db: deps.db, clock: deps.clock, events: deps.events, publicUrl: deps.config.publicUrl };

  const action = <S extends Parameters<typeof parseOrThrow>[0]>(
    path: string,
    schema: S,
    run: (args: typeof base & { user: ReturnType<typeof currentUser>; id: string; input: ReturnType<typeof parseOrThrow<S>>; params: Record<string, string> }) => Promise<unknown>,
  ) =>
    app.post(path, async (c) => {
      const user = currentUser(c);
      // Actions without fields (assign to the least-loaded officer) may come with no body at all.
      const body = (await c.req.text()).trim() === '' ? {} : await parseJsonText(c);
      const input = parseOrThrow(schema, body);
      await run({ ...base, user, id: c.req.param('id') ?? '', input, params: c.req.param() as Record<string, string> });
      return c.body(null, 204);
    });

  action('/petitions/:id/route', routeInputSchema, routePetition);
  action('/petitions/:id/forward', forwardInputSchema, forwardPetition);
  action('/petitions/:id/file', fileInputSchema, filePetition);
  action('/petitions/:id/join', joinInputSchema, joinPetition);
  action('/petitions/:id/return', returnInputSchema, returnPetition);
  action('/petitions/:id/assign', assignInputSchema, assignPetition);
  action('/petitions/:id/contributions', contributionInputSchema, requestContribution);
  action('/petitions/:id/contributions/:cid/answer', contributionAnswerSchema, (a) => answerContribution({ ...a, contributionId: a.params.cid ?? '' }));
  action('/petitions/:id/notes', noteInputSchema, addNote);
  return app;
}

async function parseJsonText(c: { req: { text(): Promise<string> } }): Promise<unknown> {
  try {
    return JSON.parse(await c.req.text()) as unknown;
  } catch {
    throw appError('request.invalid', 'The body is not valid JSON.');
  }
}
