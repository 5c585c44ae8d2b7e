// npm run db:seed — the Sector 6 routing data (departments, institutions, categories); in demo mode the
// demo accounts. `npm run db:seed -- --demo-petitions 5000` adds a year of demo history (with the demo
// accounts): petitions, timelines, answers, calls (db/seed/demo-history.ts), with a progress bar on stderr.
import { sql } from 'drizzle-orm';
import { parseArgs } from 'node:util';
import { openDatabase } from '../client';
import { petitions } from '../schema';
import { seedDatabase } from '../seed';
import { seedDemoHistory } from '../seed/demo-history';
import { loadConfig } from '../../server/config';

const { values } = parseArgs({
  options: {
    'demo-petitions': { type: 'string' },
    seed: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});
if (values.help) {
  console.log('npm run db:seed [-- --demo-petitions N [--seed S]]');
  process.exit(0);
}
const count = values['demo-petitions'] === undefined ? 0 : Number(values['demo-petitions']);
if (!Number.isInteger(count) || count < 0 || count > 1_000_000) {
  console.error('--demo-petitions: a whole number of petitions, 0 to 1000000');
  process.exit(1);
}
const seed = values.seed === undefined ? undefined : Number(values.seed);

const config = loadConfig();
const database = await openDatabase('url' in config.database ? config.database : { dataDir: config.database.dataDir });
await database.migrate();
// An explicit history replaces demo mode's small first-start one.
await seedDatabase(database.db, { demo: config.demo && count === 0 });
if (count > 0) {
  const [existing] = await database.db.select({ n: sql<number>`count(*)::int` }).from(petitions);
  if (Number(existing?.n ?? 0) > 0) {
    // Numbers stay gapless per register and year; they follow the ones already given.
    console.error(`The register already holds ${existing!.n} petitions: the history's numbers continue after theirs.`);
  }
  const result = await seedDemoHistory(database.db, { count, now: new Date(), seed, onProgress: progressBar(process.stderr) });
  process.stderr.write('\n');
  console.log(`Demo history: ${result.petitions} petitions, ${result.events} timeline events, ${result.answers} answers, ${result.calls} calls in ${(result.ms / 1000).toFixed(1)} s.`);
}
await database.close();
console.log(`Seed applied (${database.driver}).`);

/** `\r[#####.....] 2500/5000`, redrawn after every batch. */
function progressBar(out: NodeJS.WriteStream) {
  return (done: number, total: number) => {
    const filled = total === 0 ? 40 : Math.round((done / total) * 40);
    out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(40 - filled)}] ${done}/${total}`);
  };
}
