/** Reading the transition log in (at, id) order: the cursor webhooks and playbooks will resume from. */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../types';
import type { CustomerTransition, TransitionQuery } from './types';

/**
 * Transitions of an environment (or of one customer) after a cursor. A row becomes visible when
 * its refresh commits, which can be after rows with a later `at`: a consumer that must see
 * everything reads up to a horizon older than the longest refresh (README "Stored scores").
 */
export async function listTransitions(db: Kysely<DB>, q: TransitionQuery): Promise<CustomerTransition[]> {
  let query = db
    .selectFrom('customerTransitions as t')
    .select([
      sql<string>`t.id::text`.as('id'),
      't.customerId',
      't.kind',
      't.fromValue',
      't.toValue',
      't.health',
      't.previousHealth',
      't.at',
    ])
    .where('t.environmentId', '=', q.envId);
  if (q.customerId) query = query.where('t.customerId', '=', q.customerId);
  const after = q.after;
  if (after) query = query.where(sql`(t.at, t.id)`, '>', sql`(${after.at.toISOString()}::timestamptz, ${after.id}::bigint)`);
  const rows = await query.orderBy('t.at').orderBy('t.id').limit(q.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    kind: r.kind,
    from: r.fromValue as CustomerTransition['from'],
    to: r.toValue as CustomerTransition['to'],
    health: r.health,
    previousHealth: r.previousHealth,
    at: r.at,
  }));
}
