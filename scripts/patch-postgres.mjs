// postinstall: fixes a postgres.js 3.4.9 bug that is open upstream (porsager/postgres #1154, #1208, #1066).
// When PostgreSQL drops a connection in the middle of a transaction, the driver writes the ROLLBACK to the
// dead socket: an uncaught TypeError ("reading 'write'") crashes the process, or the connection never
// reconnects. The patch makes such a write fail as CONNECTION_CLOSED (our 503 path) and clears the pending
// write buffer when the socket ends; and a connection dropped while it fetches the array types (the first
// query of every connection) no longer leaves an unhandled rejection that ends the process. Idempotent; it fails loudly if the driver's code is not the expected
// one (a new version: check whether upstream fixed it, then update or remove this script). docs/adr/0007.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MARK = '/* domnuleprimar: dead-socket patch */';
const root = join(process.cwd(), 'node_modules', 'postgres');
const files = ['src/connection.js', 'cjs/src/connection.js'].map((f) => join(root, f)).filter(existsSync);

const edits = [
  [
    '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
    `  function nextWrite(fn) {\n    ${MARK}\n    if (!socket) {\n      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n    const x = socket.write(chunk, fn)`,
  ],
  ['    clearImmediate(nextWriteTimer)\n    if (socket) {', '    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    if (socket) {'],
  ['    incomings = null\n    clearImmediate(nextWriteTimer)\n', '    incomings = null\n    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n'],
  // The array-types query every new connection runs first is fired and forgotten: when the connection
  // drops during it, its rejection is unhandled and Node ends the process. The close itself already
  // reconnects (and keeps the first query waiting); any other failure fails that first query.
  [
    '        initial.reserve && (initial = null)\n        return fetchArrayTypes()\n',
    '        initial.reserve && (initial = null)\n        return fetchArrayTypes().catch(err => socket && errored(err))\n',
  ],
];

if (files.length === 0) {
  console.log('patch-postgres: postgres is not installed; nothing to patch');
  process.exit(0);
}
for (const file of files) {
  const before = readFileSync(file, 'utf8');
  let text = before;
  for (const [from, to] of edits) {
    if (text.includes(to)) continue; // patched by an earlier run of this script
    if (!text.includes(from)) {
      console.error(`patch-postgres: ${file} does not contain the expected code; see scripts/patch-postgres.mjs`);
      process.exit(1);
    }
    text = text.replace(from, to);
  }
  if (text === before) continue;
  writeFileSync(file, text);
  console.log(`patch-postgres: patched ${file}`);
}
