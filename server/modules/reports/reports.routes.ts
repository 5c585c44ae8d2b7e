// GET /api/reports/petitions (the half-yearly OG 27/2002 report) and GET /api/reports/information-requests
// (the annual Legea 544/2001 report): JSON by default, `format=csv` or `format=html` (printable).
import { Hono, type Context } from 'hono';
import { informationReportQuerySchema, petitionReportQuerySchema, type ReportFormat } from '../../../shared/api/reports';
import type { AppDeps } from '../../app';
import { parseOrThrow, type AppEnv } from '../../lib/http';
import { requireRole } from '../auth/auth.middleware';
import { informationReportDocument, petitionReportDocument, reportFileName, toCsv, toHtml } from './reports.format';
import { informationReport, petitionReport, REPORT_ROLES } from './reports.usecases';

function respond<R>(c: Context<AppEnv>, format: ReportFormat, report: R, document: (r: R) => Parameters<typeof toCsv>[0]) {
  c.header('Cache-Control', 'no-store');
  if (format === 'json') return c.json(report);
  const doc = document(report);
  if (format === 'csv') {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${reportFileName(doc, 'csv')}"`);
    return c.body(toCsv(doc));
  }
  c.header('Content-Disposition', `inline; filename="${reportFileName(doc, 'html')}"`);
  return c.html(toHtml(doc));
}

export function reportsRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // 401 without a session, 403 for a role that does not report, before the query is read.
  app.get('/reports/petitions', requireRole(...REPORT_ROLES), async (c) => {
    const query = parseOrThrow(petitionReportQuerySchema, c.req.query());
    return respond(c, query.format, await petitionReport({ db: deps.db, clock: deps.clock, query }), petitionReportDocument);
  });
  app.get('/reports/information-requests', requireRole(...REPORT_ROLES), async (c) => {
    const query = parseOrThrow(informationReportQuerySchema, c.req.query());
    return respond(c, query.format, await informationReport({ db: deps.db, clock: deps.clock, query }), informationReportDocument);
  });
  return app;
}
