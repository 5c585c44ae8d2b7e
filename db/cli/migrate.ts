// npm run db:migrate — applies the committed migrations to DATABASE_URL, or to the embedded database.
import { openDatabase } from '../client';
import { loadConfig } from '../../server/config';

const config = loadConfig();
const database = await openDatabase('url' in config.database ? config.database : { dataDir: config.database.dataDir });
await database.migrate();
await database.close();
console.log(`Migrations applied (${database.driver}).`);
