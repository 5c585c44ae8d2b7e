// npm run db:seed — the Sector 6 routing data (departments, institutions, categories).
import { openDatabase } from '../client';
import { seedDatabase } from '../seed';
import { loadConfig } from '../../server/config';

const config = loadConfig();
const database = await openDatabase('url' in config.database ? config.database : { dataDir: config.database.dataDir });
await database.migrate();
await seedDatabase(database.db, { demo: config.demo });
await database.close();
console.log(`Seed applied (${database.driver}).`);
