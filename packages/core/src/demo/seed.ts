/** Writes demo data through the same ingestion code as the API, in batches, reporting progress. */
import { type DB, type Kysely, maintenanceQueries } from '@tenure/db';
import type { Scope } from '../actor';
import { ingestEvents } from '../events/ingest';
import { batchUpsertCustomers } from '../customers/upsert';
import { type DemoOptions, demoCustomer } from './generate';

export interface SeedProgress {
  customersDone: number;
  customersTotal: number;
  events: number;
}

export interface SeedResult {
  customers: number;
  events: number;
  duplicates: number;
}

const CUSTOMER_CHUNK = 250;
const EVENT_BATCH = 1000;

export async function seedDemo(
  db: Kysely<DB>,
  scope: Scope,
  options: Omit<DemoOptions, 'now'> & { now?: Date },
  onProgress: (p: SeedProgress) => void = () => {},
): Promise<SeedResult> {
  const opts: DemoOptions = { ...options, now: options.now ?? new Date() };
  const result: SeedResult = { customers: 0, events: 0, duplicates: 0 };
  for (let from = 0; from < opts.customers; from += CUSTOMER_CHUNK) {
    const slice = Array.from({ length: Math.min(CUSTOMER_CHUNK, opts.customers - from) }, (_, k) => demoCustomer(opts, from + k));
    const upsert = await batchUpsertCustomers(
      db,
      scope,
      slice.map((c) => c.customer),
      { allowCreatedAt: true },
    );
    if (upsert.errors.length) throw new Error(`demo customers rejected: ${JSON.stringify(upsert.errors[0])}`);
    result.customers += slice.length;
    const events = slice.flatMap((c) => c.events);
    for (let i = 0; i < events.length; i += EVENT_BATCH) {
      const { results, errors } = await ingestEvents(db, scope, events.slice(i, i + EVENT_BATCH), {
        publishable: false,
        pathPrefix: (k) => ['events', k],
      });
      if (errors.length) throw new Error(`demo events rejected: ${JSON.stringify(errors[0])}`);
      for (const r of results) {
        if (r.duplicate) result.duplicates++;
        else if (r.id) result.events++;
      }
    }
    onProgress({ customersDone: result.customers, customersTotal: opts.customers, events: result.events });
  }
  // A bulk load: give the planner statistics before the background refresh reads it all.
  await maintenanceQueries.analyzeTables(db);
  return result;
}
