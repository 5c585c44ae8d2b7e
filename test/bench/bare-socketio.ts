// The real-time reference (issue 7): socket.io on a bare HTTP server, with the helpdesk's options (path,
// WebSocket only), no session check, no database, no adapter. POST /emit broadcasts one `petition.changed`
// of the usual size to every socket; the bench compares the helpdesk's status-change → event latency with
// this broadcast's, measured the same way with the same number of clients in the same run.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { SOCKET_PATH } from '../../shared/api/socket-events';

const port = Number(process.env.PORT ?? 0);
const httpServer = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/ready') {
    res.writeHead(200).end('ok');
    return;
  }
  if (req.method === 'POST' && req.url?.startsWith('/emit')) {
    const petitionId = new URL(req.url, 'http://x').searchParams.get('id') ?? '00000000-0000-0000-0000-000000000000';
    req.resume();
    req.on('end', () => {
      io.to('everyone').emit('petition.changed', {
        petitionId,
        registrationNumber: 'P-2026-000123',
        departmentId: '00000000-0000-0000-0000-000000000000',
        status: 'routed',
        change: 'routed',
      });
      res.writeHead(204).end();
    });
    return;
  }
  res.writeHead(404).end();
});
const io = new Server(httpServer, { path: SOCKET_PATH, serveClient: false, transports: ['websocket'] });
io.on('connection', (socket) => void socket.join('everyone'));
httpServer.listen(port, '127.0.0.1');
process.on('SIGTERM', () => {
  void io.close();
  process.exit(0);
});
