/** Reading customers: list filters and sorts, counts, lookups by id or external id. Every query takes the environment id first. */
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { byCodePoints } from '../text-order';
import type { CustomerRow, DB } from '../types';
import { fromCustomerDocument } from './customer-document';
import { prepared } from './prepared';

export type CustomerSort = 'createdAt' | 'lastActivityAt' | 'health' | 'ltv' | 'name';

export interface CustomerFilters {
  search?: string;
  lifecycleStage?: string;
  riskLevel?: string;
  /** Customers with (true) or without (false) an event since `activeSince`. */
  active?: { value: boolean; since: Date };
  ids?: { ids: string[]; externalIds: string[] };
  /** Members of this segment (stored memberships). */
  segmentId?: string;
}

export interface CustomerListParams extends CustomerFilters {
  sortBy: CustomerSort;
  sortOrder: 'asc' | 'desc';
  offset: number;
  limit: number;
}

type CustomerEb = ExpressionBuilder<DB, 'customers'>;

/** A segment the customer is in, as the customer object shows it (`since` as PostgreSQL writes it in JSON). */
export interface CustomerSegmentRef {
  id: string;
  name: string;
  since: string;
}

/** A customer row as the API reads it: with when its scores were last checked unchanged, and its segments. */
export type CustomerReadRow = CustomerRow & { scoresCheckedAt: Date | null; segments: CustomerSegmentRef[] };

/**
 * When a score refresh last found the customer's scores unchanged (they are rewritten, with
 * scores_computed_at, only when they change). A correlated subquery, so a page of a list looks it
 * up for its own rows only, after the limit.
 */
function scoresCheckedAt(eb: CustomerEb) {
  return eb
    .selectFrom('customerScoreChecks as sc')
    .select('sc.checkedAt')
    .whereRef('sc.environmentId', '=', 'customers.environmentId')
    .whereRef('sc.customerId', '=', 'customers.id')
    .as('scoresCheckedAt');
}

/**
 * The customer's memberships as [segment id, name, since] triples, null when none: in the same
 * statement as the row, an index probe of `segment_members_env_customer_idx` and the segments' primary
 * keys (a customer in no segment costs one empty probe), so a keyed read stays one statement.
 */
function membershipsOf(eb: CustomerEb) {
  return eb
    .selectFrom('segmentMembers as sm')
    .innerJoin('segments as sg', (j) => j.onRef('sg.environmentId', '=', 'sm.environmentId').onRef('sg.id', '=', 'sm.segmentId'))
    .select(sql<[string, string, string][] | null>`json_agg(json_build_array(sm.segment_id, sg.name, sm.since))`.as('memberships'))
    .whereRef('sm.environmentId', '=', 'customers.environmentId')
    .whereRef('sm.customerId', '=', 'customers.id')
    .as('memberships');
}

type RowWithMemberships = CustomerRow & { scoresCheckedAt: Date | null; memberships: [string, string, string][] | null };

const bySegmentName = (a: CustomerSegmentRef, b: CustomerSegmentRef) =>
  byCodePoints(a.name.toLowerCase(), b.name.toLowerCase()) || byCodePoints(a.id, b.id);

/** Gives each row its `segments`, by name (lower-cased, code point order), then id. */
function withSegments(rows: RowWithMemberships[]): CustomerReadRow[] {
  return rows.map(({ memberships, ...row }) => ({
    ...row,
    segments: (memberships ?? []).map(([id, name, since]) => ({ id, name, since })).sort(bySegmentName),
  }));
}

/** Single source of truth for "active": an event (effective time) after `since`. */
export function isActive(eb: CustomerEb, since: Date) {
  return eb('customers.lastEventAt', '>', since);
}

/** Escapes LIKE wildcards so a search is a literal, case-insensitive substring. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filterWhere(eb: CustomerEb, envId: string, f: CustomerFilters) {
  const and = [eb('customers.environmentId', '=', envId), eb('customers.deletedAt', 'is', null)];
  if (f.search) {
    const p = likePattern(f.search);
    and.push(
      eb.or([
        eb('customers.email', 'ilike', p),
        eb('customers.name', 'ilike', p),
        eb('customers.company', 'ilike', p),
        eb('customers.externalId', 'ilike', p),
      ]),
    );
  }
  if (f.lifecycleStage) and.push(eb('customers.lifecycleStage', '=', f.lifecycleStage));
  if (f.riskLevel) and.push(eb('customers.riskLevel', '=', f.riskLevel));
  if (f.active) {
    const active = isActive(eb, f.active.since);
    and.push(f.active.value ? active : eb.or([eb('customers.lastEventAt', 'is', null), eb.not(active)]));
  }
  if (f.ids) {
    const { ids, externalIds } = f.ids;
    const any = [];
    if (ids.length) any.push(eb('customers.id', 'in', ids));
    if (externalIds.length) any.push(eb('customers.externalId', 'in', externalIds));
    and.push(any.length ? eb.or(any) : eb.lit(false));
  }
  if (f.segmentId) {
    const segmentId = f.segmentId;
    and.push(
      eb.exists(
        eb
          .selectFrom('segmentMembers as sm')
          .select('sm.customerId')
          .whereRef('sm.environmentId', '=', 'customers.environmentId')
          .where('sm.segmentId', '=', segmentId)
          .whereRef('sm.customerId', '=', 'customers.id'),
      ),
    );
  }
  return eb.and(and);
}

/**
 * Each sort key, whether it can be null, and whether a descending index serves `desc nulls last`.
 * REST.md sorts nulls last both ways; on a NOT NULL column `nulls last` is left out, since a
 * B-tree read backwards gives `desc nulls first`: so the plain `(environment_id, key, id)` index
 * serves both directions (with the clause, PostgreSQL would sort every live customer for `desc`).
 * A nullable key read forwards serves `asc nulls last`; for `desc`, health has its own index
 * (customers_env_health_desc_idx); the others are read in two index-ordered parts
 * (`descNullsLastPage` below) instead of another index on columns that writes keep changing.
 */
const SORT_KEYS = {
  createdAt: { expression: sql`customers.created_at`, nullable: false, descIndex: true },
  lastActivityAt: { expression: sql`customers.last_event_at`, nullable: true, descIndex: false },
  health: { expression: sql`customers.health`, nullable: true, descIndex: true },
  ltv: { expression: sql`customers.revenue_minor`, nullable: false, descIndex: true },
  name: { expression: sql`lower(customers.name) collate "C"`, nullable: true, descIndex: false },
} as const;

type SortKey = (typeof SORT_KEYS)[CustomerSort];

/**
 * A page sorted `desc nulls last` by a nullable key without a descending index: the customers
 * with a value (an index read backwards: `desc`, then id `desc`) and those without (id `desc`),
 * each cut at offset + limit, put in order and cut to the page, and only the page's rows joined
 * back for their columns, scores check and segments. A single `order by … desc nulls last`
 * sorted every live customer of the environment (80 ms at 50,000 customers; 4 ms this way).
 */
function descNullsLastPage(db: Kysely<DB>, envId: string, p: CustomerListParams, key: SortKey) {
  const n = p.offset + p.limit;
  const part = (withValue: boolean) =>
    db
      .selectFrom('customers')
      .select(['customers.id', sql<unknown>`${key.expression}`.as('k'), sql<number>`${withValue ? 0 : 1}::int`.as('part')])
      .where((eb) => filterWhere(eb, envId, p))
      .where(sql<boolean>`${key.expression} is ${withValue ? sql`not null` : sql`null`}`)
      .orderBy(withValue ? sql`${key.expression} desc, customers.id desc` : sql`customers.id desc`)
      .limit(n);
  // The page's keys first (offset and limit over the two parts' rows), then only those rows joined.
  const page = sql<{ id: string; k: unknown; part: number }>`(
    select u.id, u.k, u.part from ((${part(true)}) union all (${part(false)})) u
    order by u.part, u.k desc, u.id desc offset ${p.offset} limit ${p.limit}
  )`;
  return db
    .selectFrom(page.as('p'))
    .innerJoin('customers', (join) => join.on('customers.environmentId', '=', envId).onRef('customers.id', '=', 'p.id'))
    .selectAll('customers')
    .select(scoresCheckedAt)
    .select(membershipsOf)
    .orderBy(sql`p.part`)
    .orderBy(sql`p.k desc`)
    .orderBy(sql`p.id desc`);
}

export async function listCustomerRows(db: Kysely<DB>, envId: string, p: CustomerListParams): Promise<CustomerReadRow[]> {
  const key = SORT_KEYS[p.sortBy];
  if (p.sortOrder === 'desc' && key.nullable && !key.descIndex) return withSegments(await descNullsLastPage(db, envId, p, key).execute());
  const dir = p.sortOrder === 'asc' ? sql`asc` : sql`desc`;
  const rows = await db
    .selectFrom('customers')
    .selectAll('customers')
    .select(scoresCheckedAt)
    .select(membershipsOf)
    .where((eb) => filterWhere(eb, envId, p))
    .orderBy(key.nullable ? sql`${key.expression} ${dir} nulls last` : sql`${key.expression} ${dir}`)
    .orderBy(sql`customers.id ${dir}`)
    .offset(p.offset)
    .limit(p.limit)
    .execute();
  return withSegments(rows);
}

export async function countCustomerRows(db: Kysely<DB>, envId: string, f: CustomerFilters): Promise<number> {
  const row = await db
    .selectFrom('customers')
    .select(sql<number>`count(*)::int`.as('count'))
    .where((eb) => filterWhere(eb, envId, f))
    .executeTakeFirstOrThrow();
  return row.count;
}

export type CustomerKey = { id: string } | { externalId: string };

/**
 * The keyed read: the row, when its scores were last checked and its segments, as one JSON document
 * (customer-document.ts says why), compiled once (prepared.ts).
 */
function customerBy(column: 'customers.id' | 'customers.externalId') {
  return prepared(2, (db, envId, value) =>
    db
      .selectFrom((qb) =>
        qb
          .selectFrom('customers')
          .selectAll('customers')
          .select(scoresCheckedAt)
          .select(membershipsOf)
          .where('customers.environmentId', '=', envId as string)
          .where('customers.deletedAt', 'is', null)
          .where(column, '=', value as string)
          .as('c'),
      )
      .select(sql<Record<string, unknown>>`row_to_json(c)`.as('doc')),
  );
}

const customerById = customerBy('customers.id');
const customerByExternalId = customerBy('customers.externalId');

/** A live (not deleted) customer by id or external id. */
export async function findCustomerRow(db: Kysely<DB>, envId: string, key: CustomerKey): Promise<CustomerReadRow | undefined> {
  const [found] = 'id' in key ? await customerById(db, envId, key.id) : await customerByExternalId(db, envId, key.externalId);
  return found && withSegments([fromCustomerDocument<RowWithMemberships>(found.doc, ['scoresCheckedAt'])])[0];
}

/** Live customers' ids by external id (no lock). */
export async function findIdsByExternalId(db: Kysely<DB>, envId: string, externalIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (externalIds.length === 0) return out;
  const rows = await db
    .selectFrom('customers')
    .select(['customers.id', 'customers.externalId'])
    .where('customers.environmentId', '=', envId)
    .where('customers.externalId', 'in', externalIds)
    .where('customers.deletedAt', 'is', null)
    .execute();
  for (const r of rows) out.set(r.externalId as string, r.id);
  return out;
}

/** Which of these ids are live customers. */
export async function findLiveIds(db: Kysely<DB>, envId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('customers')
    .select('customers.id')
    .where('customers.environmentId', '=', envId)
    .where('customers.id', 'in', ids)
    .where('customers.deletedAt', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.id));
}
