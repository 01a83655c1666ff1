// The load generator of `npm run bench:load`, on its own thread so autocannon's parsing does not share the
// server's event loop (a load generator belongs outside the server it measures). Plain JS: a worker needs no
// TypeScript loader this way. Inside a worker autocannon returns its raw, un-aggregated result.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { url, connections, duration, requests } = workerData;
let next = 0;
let unfinished = 0;
const latencies = [];
const instance = autocannon(
  {
    url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/api/chat',
        setupRequest: (request) => ({ ...request, ...requests[next++ % requests.length] }),
        // A 200 whose stream ends in `error` instead of `done` is a failure too.
        onResponse: (status, body) => {
          if (status === 200 && !body.includes('event: done')) unfinished++;
        },
      },
    ],
  },
  (error, result) => {
    if (error) throw error;
    parentPort.postMessage({
      total: result.totalCompletedRequests,
      duration: result.duration,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      latencies,
      unfinished,
    });
  },
);
instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
