/**
 * Segment memberships, set-based (README "Segments"): estimates, the one-customer evaluation, and
 * the recount that stores who is in each segment and logs who entered and left.
 */
import { type Kysely, type SqlBool, sql } from 'kysely';
import { lockSegmentRecounts } from '../queries/segments';
import type { DB } from '../types';
import { segmentPredicate } from './segment-rules';
import type { RuleSet, SegmentEstimateQuery, SegmentMatchQuery, SegmentRefreshInput, SegmentRefreshResult } from './segment-types';
import { withAnalyticsTransaction } from './statement';

/** Live customers matching a rule set now (`POST /segments/estimate`): one count, bounded in time. */
export async function estimateSegment(db: Kysely<DB>, q: SegmentEstimateQuery, timeoutMs?: number): Promise<number> {
  return withAnalyticsTransaction(
    db,
    async (trx) => {
      const row = await trx
        .selectFrom('customers')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('customers.environmentId', '=', q.envId)
        .where('customers.deletedAt', 'is', null)
        .where((eb) => segmentPredicate(eb, q, q))
        .executeTakeFirstOrThrow();
      return row.n;
    },
    timeoutMs,
  );
}

/** Whether one live customer matches a rule set now (a playbook's `exit_unless`). */
export async function customerMatches(db: Kysely<DB>, q: SegmentMatchQuery): Promise<boolean> {
  const row = await db
    .selectFrom('customers')
    .select('customers.id')
    .where('customers.environmentId', '=', q.envId)
    .where('customers.id', '=', q.customerId)
    .where('customers.deletedAt', 'is', null)
    .where((eb) => segmentPredicate(eb, q, q))
    .executeTakeFirst();
  return row !== undefined;
}

const idsJson = (ids: string[]) => sql`(select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;

/**
 * Recounts segments of an environment for a set of customers (or all of them) in one transaction:
 * - an advisory lock per environment serializes recounts (drains, rule edits, the hourly pass),
 *   and every statement after it reads a snapshot that sees the previous recount's commit; so the
 *   change log's ids grow in commit order within an environment and a cursor never skips a row;
 * - the definitions are read under the lock (a rule edit committed before is always seen);
 * - one statement evaluates every segment's predicate in one pass over the customers in scope,
 *   diffs the result with the stored members, deletes who left, inserts who entered, logs both
 *   and updates each segment's customerCount and countedAt. Deleted customers in scope leave.
 */
export async function refreshSegments(db: Kysely<DB>, input: SegmentRefreshInput): Promise<SegmentRefreshResult> {
  const { envId, now, customerIds } = input;
  if (customerIds?.length === 0) return { segments: 0, entered: 0, left: 0 };
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('jit', 'off', true)`.execute(trx);
    await lockSegmentRecounts(trx, envId);
    let defsQuery = trx.selectFrom('segments').select(['id', 'match', 'rules']).where('environmentId', '=', envId).orderBy('id');
    if (input.segmentIds) defsQuery = defsQuery.where('id', 'in', input.segmentIds.length ? input.segmentIds : ['']);
    const defs = await defsQuery.execute();
    if (defs.length === 0) return { segments: 0, entered: 0, left: 0 };

    let hits = trx
      .selectFrom('customers')
      .select('customers.id')
      .select((eb) => defs.map((d, i) => sql<boolean>`${segmentPredicate(eb, d as unknown as RuleSet, input)}`.as(`m${i}`)))
      .where('customers.environmentId', '=', envId)
      .where('customers.deletedAt', 'is', null);
    if (customerIds) hits = hits.where(sql<SqlBool>`customers.id in ${idsJson(customerIds)}`);
    const segmentIds = sql.join(defs.map((d) => sql`${d.id}`));
    const flags = sql.join(defs.map((_, i) => sql.ref(`h.m${i}`)));
    // The stored memberships in scope. For a set of customers and every segment (the drain), probe
    // each customer's memberships (`segment_members_env_customer_idx`): under the lock every
    // membership of the environment belongs to one of `defs`, and a filter on 100 segment ids
    // would turn the plan into a scan of all the environment's memberships.
    const current =
      customerIds && !input.segmentIds
        ? sql`select m.segment_id, m.customer_id from ${idsJson(customerIds)} as s(id)
            cross join lateral (select segment_id, customer_id from segment_members
              where environment_id = ${envId} and customer_id = s.id) m`
        : sql`select m.segment_id, m.customer_id from segment_members m
            where m.environment_id = ${envId} and m.segment_id in (${sql.join(defs.map((d) => sql`${d.id}`))})
            ${customerIds ? sql`and m.customer_id in ${idsJson(customerIds)}` : sql``}`;
    // A full recount stores each count as found; a partial one adds what entered and left.
    const newCount = customerIds ? sql`s.customer_count + d.came - d.gone` : sql`d.total`;

    const { rows } = await sql<{ entered: number; left: number }>`
      with hits as (${hits}),
      matched as (
        select x.segment_id, h.id as customer_id
        from hits h cross join lateral unnest(array[${segmentIds}]::text[], array[${flags}]::boolean[]) as x(segment_id, hit)
        where x.hit
      ),
      current as (${current}),
      -- One hash full join finds both sides of the difference in a single pass.
      diff as (
        select coalesce(m.segment_id, c.segment_id) as segment_id, coalesce(m.customer_id, c.customer_id) as customer_id,
          c.customer_id is null as came
        from matched m full join current c on c.segment_id = m.segment_id and c.customer_id = m.customer_id
        where m.customer_id is null or c.customer_id is null
      ),
      gone as (
        delete from segment_members m
        using diff d
        where not d.came and m.environment_id = ${envId} and m.segment_id = d.segment_id and m.customer_id = d.customer_id
        returning m.segment_id, m.customer_id
      ),
      came as (
        insert into segment_members (environment_id, segment_id, customer_id, since)
        select ${envId}, d.segment_id, d.customer_id, ${now}::timestamptz
        from diff d where d.came
        order by d.segment_id, d.customer_id
        on conflict do nothing
        returning segment_id, customer_id
      ),
      logged as (
        insert into segment_changes (environment_id, segment_id, customer_id, change, at)
        select ${envId}, c.segment_id, c.customer_id, c.change, ${now}::timestamptz
        from (select segment_id, customer_id, 'left' as change from gone
              union all select segment_id, customer_id, 'entered' as change from came) c
        order by c.segment_id, c.customer_id, c.change
        returning 1
      ),
      deltas as (
        select ids.id, coalesce(t.n, 0)::int as total, coalesce(c.n, 0)::int as came, coalesce(g.n, 0)::int as gone
        from unnest(array[${segmentIds}]::text[]) as ids(id)
        left join (select segment_id, count(*) as n from matched group by segment_id) t on t.segment_id = ids.id
        left join (select segment_id, count(*) as n from came group by segment_id) c on c.segment_id = ids.id
        left join (select segment_id, count(*) as n from gone group by segment_id) g on g.segment_id = ids.id
      ),
      counted as (
        update segments s set customer_count = ${newCount}, counted_at = ${now}::timestamptz
        from deltas d
        where s.environment_id = ${envId} and s.id = d.id
        returning 1
      )
      select (select count(*) from came)::int as entered, (select count(*) from gone)::int as left,
        (select count(*) from logged)::int as logged, (select count(*) from counted)::int as counted`.execute(trx);
    const row = rows[0] ?? { entered: 0, left: 0 };
    return { segments: defs.length, entered: row.entered, left: row.left };
  });
}
