// Load generator of `npm run bench -- get`, run as its own plain-Node process (no tsx), so the
// client never shares a thread with the benchmark driver: standard input is a JSON job
// { origin, paths, headers, connections, seconds }; prints autocannon's summary as one JSON line.
import autocannon from 'autocannon';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const job = JSON.parse(input);
let next = 0;
const result = await autocannon({
  url: job.origin,
  connections: job.connections,
  duration: job.seconds,
  headers: job.headers,
  requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: job.paths[next++ % job.paths.length] }) }],
});
process.stdout.write(
  `${JSON.stringify({ requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors })}\n`,
);
