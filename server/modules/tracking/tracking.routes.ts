import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { appError } from '../../lib/errors';
import { clientAddress, type AppEnv } from '../../lib/http';
import { createRateLimiter } from '../../lib/rate-limit';
import { resendTrackingCode, trackedAnnex, trackedLetter, trackPetition } from './tracking.usecases';
import { attachmentHeaders } from '../../lib/uploads';

export function trackingRoutes(deps: AppDeps) {
  // One budget for looking up and for asking new codes: guessing codes hits 429 quickly.
  const limiter = createRateLimiter({ limit: deps.config.rateLimits.trackPer10Min, windowMs: 10 * 60_000, name: 'tracking' });
  const limit = (c: Parameters<typeof clientAddress>[0]) => limiter.hit(clientAddress(c, deps.config.trustProxy), deps.clock.now().getTime());
  const app = new Hono<AppEnv>();

  app.get('/track/:number', async (c) => {
    limit(c);
    const code = c.req.query('code');
    if (!code || code.length > 64) {
      throw appError('request.invalid', 'The tracking code is required.', { fields: [{ path: 'code', code: 'required', message: 'Required' }] });
    }
    c.header('Cache-Control', 'no-store');
    return c.json(await trackPetition({ db: deps.db, registrationNumber: c.req.param('number'), code }));
  });

  app.get('/track/:number/letter', async (c) => {
    limit(c);
    const code = c.req.query('code');
    if (!code || code.length > 64) throw appError('request.invalid', 'The tracking code is required.', { fields: [{ path: 'code', code: 'required', message: 'Required' }] });
    c.header('Cache-Control', 'no-store');
    return c.html(await trackedLetter({ db: deps.db, registrationNumber: c.req.param('number'), code }));
  });

  app.get('/track/:number/attachments/:fileId', async (c) => {
    limit(c);
    const code = c.req.query('code');
    if (!code || code.length > 64) throw appError('request.invalid', 'The tracking code is required.', { fields: [{ path: 'code', code: 'required', message: 'Required' }] });
    const file = await trackedAnnex({ db: deps.db, registrationNumber: c.req.param('number'), code, fileId: c.req.param('fileId') });
    return c.body(Buffer.from(file.content), 200, attachmentHeaders(file));
  });

  app.post('/track/:number/resend-code', async (c) => {
    limit(c);
    await resendTrackingCode({ db: deps.db, clock: deps.clock, publicUrl: deps.config.publicUrl, registrationNumber: c.req.param('number') });
    return c.body(null, 202);
  });
  return app;
}
