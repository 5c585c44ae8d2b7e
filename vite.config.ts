import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

const server = 'http://localhost:3000';

// In development the API, health check and socket.io are proxied to the server so the browser only ever
// talks to one origin. The proxy presents the server's own Origin, which its CSRF guard expects
// (a browser on :5173 would otherwise be "another site").
const proxy = (ws = false): ProxyOptions => ({
  target: server,
  ws,
  configure: (p) => {
    p.on('proxyReq', (req) => req.getHeader('origin') && req.setHeader('origin', server));
    p.on('proxyReqWs', (req) => req.getHeader('origin') && req.setHeader('origin', server));
  },
});

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': proxy(), '/health': proxy(), '/socket.io': proxy(true) },
  },
});
