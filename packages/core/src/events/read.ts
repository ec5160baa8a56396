/** Reading events: the explorer list, one event, and a customer's journey. */
import { AppError, type TEvent } from '@tenure/contract';
import { customerReadQueries, type DB, eventReadQueries, type Kysely } from '@tenure/db';
import { parseCustomerRef } from '../customers/refs';
import { decodeCursor, encodeCursor } from './cursor';
import { toEvent } from './serialize';

/** `YYYY-MM-DD` means that day's UTC midnight. */
export function parseTimeBound(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

export interface EventListParams {
  customerId?: string;
  /** An id (`cus_…`/`ext_…`), or an email or name to search for. */
  customer?: string;
  name?: string;
  start?: string;
  end?: string;
  page: number;
  limit: number;
}

/**
 * The explorer list. `withCustomers` adds each event's customer name and email (the caller may
 * read customers); without it they are null and the `customer` text filter is refused, so an
 * events-only key learns nothing about people.
 */
export async function listEvents(db: Kysely<DB>, envId: string, p: EventListParams, opts: { withCustomers: boolean }) {
  const empty = { events: [], total: 0, page: p.page, limit: p.limit };
  const byText = p.customer !== undefined && !parseCustomerRef(p.customer);
  if (byText && !opts.withCustomers) throw new AppError('FORBIDDEN', 'Filtering events by email or name needs the customers:read scope');
  let customerId: string | undefined;
  for (const ref of [p.customerId, byText ? undefined : p.customer]) {
    if (!ref) continue;
    const key = parseCustomerRef(ref);
    const row = key ? await customerReadQueries.findCustomerRow(db, envId, key) : undefined;
    if (!row || (customerId && customerId !== row.id)) return empty;
    customerId = row.id;
  }
  const filters = {
    customerId,
    customerText: byText ? p.customer : undefined,
    name: p.name,
    start: parseTimeBound(p.start),
    end: parseTimeBound(p.end),
  };
  const [rows, total] = await Promise.all([
    eventReadQueries.listEventRows(db, envId, filters, (p.page - 1) * p.limit, p.limit),
    eventReadQueries.countEventRows(db, envId, filters),
  ]);
  const events = rows.map((row) => ({
    ...toEvent(row),
    customer: opts.withCustomers ? { name: row.customerName, email: row.customerEmail } : null,
  }));
  return { events, total, page: p.page, limit: p.limit };
}

export async function getEvent(db: Kysely<DB>, envId: string, id: string): Promise<TEvent> {
  const row = id.startsWith('evt_') ? await eventReadQueries.findEventRow(db, envId, id) : undefined;
  if (!row) throw new AppError('NOT_FOUND', `Event ${id} not found`);
  return toEvent(row);
}

export interface JourneyParams {
  limit: number;
  cursor?: string;
  order: 'asc' | 'desc';
  start?: string;
  end?: string;
  names?: string[];
}

export async function getJourney(db: Kysely<DB>, envId: string, ref: string, p: JourneyParams) {
  const key = parseCustomerRef(ref);
  if (!key) throw new AppError('NOT_FOUND', `Customer ${ref} not found`);
  const { found, rows } = await eventReadQueries.journeyPage(db, envId, key, {
    limit: p.limit + 1,
    order: p.order,
    after: p.cursor ? decodeCursor(p.cursor) : undefined,
    start: parseTimeBound(p.start),
    end: parseTimeBound(p.end),
    names: p.names,
  });
  if (!found) throw new AppError('NOT_FOUND', `Customer ${ref} not found`);
  const page = rows.slice(0, p.limit);
  const last = page.at(-1);
  return { events: page.map(toEvent), nextCursor: rows.length > p.limit && last ? encodeCursor(last.timestamp, last.id) : null };
}
