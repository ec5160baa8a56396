/** Reading customers: list filters and sorts, counts, lookups by id or external id. Every query takes the environment id first. */
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { CustomerRow, DB } from '../types';

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
export type CustomerReadRow = CustomerRow & { scoresCheckedAt: Date | null; segments: CustomerSegmentRef[] | null };

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
 * The customer's segments by name, then id: one probe of `segment_members_env_customer_idx`
 * (index-only) and the segments' primary key, in the same statement as the row.
 */
function segmentsOf(eb: CustomerEb) {
  return eb
    .selectFrom('segmentMembers as sm')
    .innerJoin('segments as sg', (join) => join.onRef('sg.environmentId', '=', 'sm.environmentId').onRef('sg.id', '=', 'sm.segmentId'))
    .select(
      sql<CustomerSegmentRef[]>`coalesce(json_agg(json_build_object('id', sg.id, 'name', sg.name, 'since', sm.since)
        order by lower(sg.name) collate "C", sg.id), '[]'::json)`.as('segments'),
    )
    .whereRef('sm.environmentId', '=', 'customers.environmentId')
    .whereRef('sm.customerId', '=', 'customers.id')
    .as('segments');
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

const SORT_EXPRESSION = {
  createdAt: sql`customers.created_at`,
  lastActivityAt: sql`customers.last_event_at`,
  health: sql`customers.health`,
  ltv: sql`customers.revenue_minor`,
  name: sql`lower(customers.name) collate "C"`,
} as const;

export async function listCustomerRows(db: Kysely<DB>, envId: string, p: CustomerListParams): Promise<CustomerReadRow[]> {
  const dir = p.sortOrder === 'asc' ? sql`asc` : sql`desc`;
  return db
    .selectFrom('customers')
    .selectAll('customers')
    .select(scoresCheckedAt)
    .select(segmentsOf)
    .where((eb) => filterWhere(eb, envId, p))
    .orderBy(sql`${SORT_EXPRESSION[p.sortBy]} ${dir} nulls last`)
    .orderBy(sql`customers.id ${dir}`)
    .offset(p.offset)
    .limit(p.limit)
    .execute();
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

/** A live (not deleted) customer by id or external id. */
export async function findCustomerRow(db: Kysely<DB>, envId: string, key: CustomerKey): Promise<CustomerReadRow | undefined> {
  return db
    .selectFrom('customers')
    .selectAll('customers')
    .select(scoresCheckedAt)
    .select(segmentsOf)
    .where('customers.environmentId', '=', envId)
    .where('customers.deletedAt', 'is', null)
    .where((eb) => ('id' in key ? eb('customers.id', '=', key.id) : eb('customers.externalId', '=', key.externalId)))
    .executeTakeFirst();
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
