// npm run admin:create -- --email ana@primarie6.ro --name "Ana Pop"
// Outside demo mode no account has a known password: this creates the first administrator. The password
// is read from standard input (one line), or generated and printed once when none is given.
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../server/config';
import { hashPassword } from '../../server/lib/passwords';
import { assertStrongPassword } from '../../server/modules/auth/auth.usecases';
import { openDatabase } from '../client';
import { users } from '../schema';
import { seedDatabase } from '../seed';

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
if (!values.email || !values.name) {
  console.error('Usage: npm run admin:create -- --email ana@primarie6.ro --name "Ana Pop"  (password on standard input, or generated)');
  process.exit(2);
}
let password = '';
if (!process.stdin.isTTY) {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) { password = line.trim(); break; }
  rl.close();
}
const generated = !password;
if (generated) password = randomBytes(12).toString('base64url');
assertStrongPassword(password, values.email);

const config = loadConfig();
const database = await openDatabase('url' in config.database ? config.database : { dataDir: config.database.dataDir });
await database.migrate();
await seedDatabase(database.db, { demo: config.demo });
const [existing] = await database.db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${values.email.toLowerCase()}`);
if (existing) {
  console.error(`A user with the e-mail ${values.email} already exists.`);
  await database.close();
  process.exit(1);
}
await database.db.insert(users).values({ email: values.email, name: values.name, role: 'admin', passwordHash: await hashPassword(password) });
await database.close();
console.log(`Administrator ${values.email} created.${generated ? ` Password (shown once): ${password}` : ''}`);
