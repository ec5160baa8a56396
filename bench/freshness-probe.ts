/**
 * Score freshness while ingesting (QUALITY.md): for every customer of every batch, the time from the
 * batch's answer until that customer's `scoresComputedAt` (the later of the stored computation and
 * the check stamp) passes it. Sampled every 50 ms from its own connection, so a figure can be up to
 * one sample late; and the time until the server is idle (no stale mark, no refresh job left).
 */
import pg from 'pg';
import { refreshBacklog } from './harness';

interface Pending {
  answeredAt: number;
  externalIds: string[];
}

export interface FreshnessProbe {
  answered(externalIds: string[]): void;
  /** Resolves when every answered batch's customers are computed and no refresh is left; returns when. */
  idle(): Promise<number>;
  latenciesMs(): number[];
  stop(): Promise<void>;
}

export async function startFreshnessProbe(url: string, envId: string): Promise<FreshnessProbe> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const pending: Pending[] = [];
  const latencies: number[] = [];
  let running = true;
  let idleAt = 0;

  const sample = async () => {
    const open = pending.filter((p) => p.externalIds.length);
    if (open.length) {
      const ids = [...new Set(open.flatMap((p) => p.externalIds))];
      const { rows } = await client.query(
        `select c.external_id, extract(epoch from greatest(c.scores_computed_at, ck.checked_at)) * 1000 as at
         from customers c left join customer_score_checks ck on ck.environment_id = c.environment_id and ck.customer_id = c.id
         where c.environment_id = $1 and c.external_id = any($2)`,
        [envId, ids],
      );
      const at = new Map<string, number>(rows.map((r) => [r.external_id as string, Number(r.at)]));
      for (const p of open) {
        p.externalIds = p.externalIds.filter((e) => {
          const computed = at.get(e);
          if (computed === undefined || !(computed >= p.answeredAt)) return true;
          latencies.push(computed - p.answeredAt);
          return false;
        });
      }
    }
    const settled = (await refreshBacklog(client, envId)) === 0 && pending.every((p) => p.externalIds.length === 0);
    if (settled && !idleAt) idleAt = Date.now();
    if (!settled) idleAt = 0;
  };

  const loop = (async () => {
    while (running) {
      await sample();
      await new Promise((r) => setTimeout(r, 50));
    }
  })();

  return {
    answered(externalIds) {
      idleAt = 0;
      pending.push({ answeredAt: Date.now(), externalIds: [...new Set(externalIds)] });
    },
    async idle() {
      while (!idleAt) await new Promise((r) => setTimeout(r, 20));
      return idleAt;
    },
    latenciesMs: () => latencies,
    async stop() {
      running = false;
      await loop;
      await client.end();
    },
  };
}
