/** The transaction of a customer write, after which the background score refresh is woken. */
import type { DB, Kysely, Transaction } from '@tenure/db';
import { notifyScoresStale } from '../analytics/freshness';

/**
 * Runs a write in one transaction; once it committed, wakes the refresh of the environment's
 * stale scores (the write marked its customers inside the transaction).
 */
export async function customerWrite<T>(db: Kysely<DB>, envId: string, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const result = await db.transaction().execute(fn);
  notifyScoresStale(db, envId);
  return result;
}
