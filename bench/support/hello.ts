import express from 'express';
import type { AddressInfo } from 'node:net';

// The yardstick: the cheapest answer express can give, on the same machine, in its own process like the server.
const app = express();
app.disable('x-powered-by');
app.get('/', (_req, res) => {
  res.send('bonjour');
});
const server = app.listen(0, '127.0.0.1', () => {
  console.log(`Impact Mentorat écoute sur http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
