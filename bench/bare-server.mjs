/**
 * The baseline of `npm run bench -- get`: a bare Fastify route doing the same primary-key SELECT
 * through `pg` as GET /customers/{id}, with no auth, validation or serialization of our own.
 * Run as its own plain-Node process: `node bench/bare-server.mjs <databaseUrl> <port>`.
 */
import Fastify from 'fastify';
import pg from 'pg';

const [databaseUrl, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const app = Fastify({ logger: false });
app.get('/envs/:envId/customers/:id', async (request, reply) => {
  const { rows } = await pool.query('select * from customers where environment_id = $1 and id = $2 and deleted_at is null', [
    request.params.envId,
    request.params.id,
  ]);
  if (!rows[0]) return reply.status(404).send({ code: 'NOT_FOUND' });
  return { customer: rows[0] };
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.once('SIGTERM', () => {
  void app.close().then(() => pool.end().then(() => process.exit(0)));
});
