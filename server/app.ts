// createApp(deps): the whole HTTP app, with no I/O at import (DESIGN.md). main.ts wires the real
// dependencies; tests pass their own (a fixed clock, a recording bus, a fresh database).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { timeout } from 'hono/timeout';
import type { Database, Db } from '../db/client';
import type { Config } from './config';
import type { Clock } from './lib/clock';
import { appError } from './lib/errors';
import type { EventBus } from './lib/events';
import { createErrorHandler, notFoundHandler, requestIdMiddleware, type AppEnv } from './lib/http';
import type { Logger } from './lib/logger';
import { bodyLimits, jsonOnlyGuard, originGuard } from './lib/request-guards';
import { adminRoutes } from './modules/admin/admin.routes';
import { sessionMiddleware } from './modules/auth/auth.middleware';
import { authRoutes } from './modules/auth/auth.routes';
import { calendarRoutes } from './modules/calendar/calendar.routes';
import { catalogRoutes } from './modules/catalog/catalog.routes';
import { healthRoutes } from './modules/health/health.routes';
import { petitionsRoutes } from './modules/petitions/petitions.routes';
import { trackingRoutes } from './modules/tracking/tracking.routes';
import { staffPetitionsRoutes } from './modules/petitions/staff-petitions.routes';
import { workflowRoutes } from './modules/workflow/workflow.routes';
import { answersRoutes } from './modules/answers/answers.routes';
import { attachmentRoutes } from './modules/answers/attachments';
import { templatesRoutes } from './modules/templates/templates.routes';
import { closedDaysRoutes } from './modules/clocks/closed-days.routes';
import { extensionRoutes } from './modules/clocks/extension.routes';
import { outboxAdminRoutes } from './modules/notifications/outbox-admin.routes';
import { twilioStatusRoutes } from './modules/notifications/twilio-status.routes';
import { gdprRoutes } from './modules/gdpr/gdpr.routes';
import { open311KeysRoutes } from './modules/open311/open311-keys.routes';
import { open311Routes } from './modules/open311/open311.routes';
import { searchRoutes } from './modules/search/search.routes';
import { reportsRoutes } from './modules/reports/reports.routes';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes';
import { callCenterRoutes } from './modules/calls/call-center.routes';
import { callsRoutes } from './modules/calls/calls.routes';
import { twilioVoiceRoutes } from './modules/twilio-voice/twilio-voice.routes';

export type AppDeps = {
  database: Database;
  db: Db;
  clock: Clock;
  config: Config;
  events: EventBus;
  logger: Logger;
  /** The built portal (dist/client); absent in API-only tests. */
  clientDir?: string | undefined;
};

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(deps.logger));
  app.notFound(notFoundHandler);
  app.use('*', requestIdMiddleware);
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      strictTransportSecurity: deps.config.publicUrl.startsWith('https:') ? 'max-age=31536000; includeSubDomains' : false,
      referrerPolicy: 'same-origin',
      crossOriginEmbedderPolicy: false,
    }),
  );
  // A request never hangs: past this, the client gets a 503 it can retry.
  app.use('/api/*', timeout(20_000, () => appError('service.unavailable', 'The request took too long; try again shortly.', undefined, { 'Retry-After': '5' }) as never));

  app.use('/api/*', originGuard(deps.config.publicUrl));
  const takesFiles = (path: string, method: string) => method === 'POST' && (path === '/api/petitions' || /^\/api\/petitions\/[^/]+\/answer\/attachments$/.test(path));
  // Every body, the webhooks' too, is bounded before it is read (1 MB; the upload limit where files go).
  app.use('*', bodyLimits({ uploads: takesFiles }));
  app.use('/api/*', jsonOnlyGuard({ except: takesFiles }));
  app.use('/api/*', sessionMiddleware(deps));

  app.route('/', healthRoutes(deps));
  app.route('/api', authRoutes(deps));
  app.route('/api', adminRoutes(deps));
  app.route('/api', catalogRoutes(deps));
  app.route('/api', calendarRoutes(deps));
  app.route('/api', petitionsRoutes(deps));
  app.route('/api', trackingRoutes(deps));
  app.route('/api', staffPetitionsRoutes(deps));
  app.route('/api', workflowRoutes(deps));
  app.route('/api', answersRoutes(deps));
  app.route('/api', attachmentRoutes(deps));
  app.route('/api', templatesRoutes(deps));
  app.route('/api', extensionRoutes(deps));
  app.route('/api', closedDaysRoutes(deps));
  app.route('/api', outboxAdminRoutes(deps));
  app.route('/api', gdprRoutes(deps));
  app.route('/api', open311KeysRoutes(deps));
  app.route('/api', searchRoutes(deps));
  app.route('/api', reportsRoutes(deps));
  app.route('/api', dashboardRoutes(deps));
  app.route('/api', callsRoutes(deps));
  app.route('/api', callCenterRoutes(deps));
  app.all('/api/*', notFoundHandler);
  // Twilio's delivery reports: a signed form post, outside /api (no session, no JSON).
  app.route('/', twilioStatusRoutes(deps));
  // Open311 GeoReport v2 (issue 6 §6): outside /api — no session, no Origin guard, the specification's errors.
  app.route('/', open311Routes(deps));
  // Twilio's voice and SMS webhooks (issue 5): signed form posts, answered with TwiML.
  app.route('/', twilioVoiceRoutes(deps));

  if (deps.clientDir && existsSync(join(deps.clientDir, 'index.html'))) mountClient(app, deps.clientDir);
  return app;
}

/** The portal's files, and index.html for every other GET so the client-side routes work on reload. */
function mountClient(app: Hono<AppEnv>, clientDir: string) {
  // Re-read when the build changes (a redeploy or `npm run build` beside a running server): a stale
  // index.html would name assets that no longer exist.
  const indexPath = join(clientDir, 'index.html');
  let cached = { mtimeMs: -1, html: '' };
  const indexHtml = () => {
    const mtimeMs = statSync(indexPath).mtimeMs;
    if (mtimeMs !== cached.mtimeMs) cached = { mtimeMs, html: readFileSync(indexPath, 'utf8') };
    return cached.html;
  };
  app.use('/assets/*', async (c, next) => {
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    await next();
  });
  app.use('*', serveStatic({ root: clientDir }));
  app.get('*', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(indexHtml());
  });
}
