/** Writing customers: row locks for read-merge-write, set-based inserts and updates, soft deletion. Every query takes the environment id first. */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { CustomerRow, DB } from '../types';
import type { CustomerKey } from './customers-read';
import { isoStrings, withoutNulls } from './recordset-json';
import { markStale, markStaleFrom } from './score-queue';

/** Live customers by external id, locked for the rest of the transaction (read-merge-write). */
export async function lockCustomersByExternalId(trx: Transaction<DB>, envId: string, externalIds: string[]): Promise<CustomerRow[]> {
  if (externalIds.length === 0) return [];
  return trx
    .selectFrom('customers')
    .selectAll()
    .where('customers.environmentId', '=', envId)
    .where('customers.externalId', 'in', externalIds)
    .where('customers.deletedAt', 'is', null)
    .orderBy('customers.id')
    .forUpdate()
    .execute();
}

/** A live customer by id or external id, locked for the rest of the transaction. */
export async function lockCustomer(trx: Transaction<DB>, envId: string, key: CustomerKey): Promise<CustomerRow | undefined> {
  return trx
    .selectFrom('customers')
    .selectAll()
    .where('customers.environmentId', '=', envId)
    .where('customers.deletedAt', 'is', null)
    .where((eb) => ('id' in key ? eb('customers.id', '=', key.id) : eb('customers.externalId', '=', key.externalId)))
    .forUpdate()
    .executeTakeFirst();
}

/** Live customers matching any of the ids or external ids, locked (batch deletes). */
export async function lockCustomersByRefs(
  trx: Transaction<DB>,
  envId: string,
  refs: { ids: string[]; externalIds: string[] },
): Promise<{ id: string; externalId: string | null }[]> {
  if (refs.ids.length === 0 && refs.externalIds.length === 0) return [];
  return trx
    .selectFrom('customers')
    .select(['customers.id', 'customers.externalId'])
    .where('customers.environmentId', '=', envId)
    .where('customers.deletedAt', 'is', null)
    .where((eb) => {
      const any = [];
      if (refs.ids.length) any.push(eb('customers.id', 'in', refs.ids));
      if (refs.externalIds.length) any.push(eb('customers.externalId', 'in', refs.externalIds));
      return eb.or(any);
    })
    .orderBy('customers.id')
    .forUpdate()
    .execute();
}

/**
 * Soft delete with the PII scrub of REST.md: profile, attributes, external and click ids and the
 * personal acquisition fields are cleared; aggregates (events, revenue) stay for analytics. The
 * deleted customers are marked for the background refresh.
 */
export async function softDeleteCustomers(trx: Transaction<DB>, envId: string, ids: string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const deleted = await trx
    .updateTable('customers')
    .set({
      deletedAt: now,
      updatedAt: now,
      externalId: null,
      email: null,
      name: null,
      company: null,
      role: null,
      locale: null,
      clickId: null,
      attributes: '{}',
      acqClickId: null,
      acqReferrer: null,
      acqLandingUrl: null,
    })
    .where('environmentId', '=', envId)
    .where('id', 'in', ids)
    .where('deletedAt', 'is', null)
    .returning('id')
    .execute();
  // The background refresh takes deleted customers out of their segments (recording that they left).
  await markStale(
    trx,
    envId,
    deleted.map((r) => r.id),
    now,
  );
  return deleted.length;
}

/** A whole customer row as every write sets it; the computed columns keep their values or defaults. */
export interface CustomerWrite {
  id: string;
  environmentId: string;
  externalId: string | null;
  email: string | null;
  name: string | null;
  company: string | null;
  role: string | null;
  teamSize: number | null;
  locale: string | null;
  plan: string | null;
  clickId: string | null;
  attributes: Record<string, unknown>;
  acqClickId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The rows as one jsonb parameter (`jsonb_to_recordset`): for 1,000 customers this binds one value
 * instead of 16,000, and the attributes documents are parsed once, inside PostgreSQL.
 */
function recordset(rows: CustomerWrite[]) {
  const iso = isoStrings();
  const json = JSON.stringify(
    rows.map((r) =>
      withoutNulls({
        id: r.id,
        environment_id: r.environmentId,
        external_id: r.externalId,
        email: r.email,
        name: r.name,
        company: r.company,
        role: r.role,
        team_size: r.teamSize,
        locale: r.locale,
        plan: r.plan,
        click_id: r.clickId,
        attributes: r.attributes,
        acq_click_id: r.acqClickId,
        created_at: iso(r.createdAt),
        updated_at: iso(r.updatedAt),
      }),
    ),
  );
  return sql`jsonb_to_recordset(${json}::jsonb) as x(id text, environment_id text, external_id text, email text, name text,
    company text, role text, team_size integer, locale text, plan text, click_id text, attributes jsonb, acq_click_id text,
    created_at timestamptz, updated_at timestamptz)`;
}

/**
 * Inserts new customers of one environment; a row whose external id a concurrent writer created
 * first is skipped. Returns the ids that were inserted. The same statement marks them for their
 * first scores (as of `at`).
 */
export async function insertCustomerRows(trx: Kysely<DB>, envId: string, rows: CustomerWrite[], at: Date): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await sql<{ id: string }>`
    with inserted as (
      insert into customers (id, environment_id, external_id, email, name, company, role, team_size, locale, plan, click_id,
        attributes, acq_click_id, created_at, updated_at)
      select id, environment_id, external_id, email, name, company, role, team_size, locale, plan, click_id,
        attributes, acq_click_id, created_at, updated_at
      from ${recordset(rows)}
      where x.environment_id = ${envId}
      on conflict (environment_id, external_id) where deleted_at is null and external_id is not null do nothing
      returning id
    ),
    marked as (${markStaleFrom(envId, sql`select id from inserted`, at)})
    select id from inserted`.execute(trx);
  return new Set(inserted.rows.map((r) => r.id));
}

/**
 * Writes the profile columns of existing (locked) customers of one environment, and marks them for
 * the background refresh (as of `at`) in the same statement: segments read every profile field and
 * attribute, and scores read createdAt (README "Segments": why every written customer is marked).
 */
export async function updateCustomerRows(trx: Transaction<DB>, envId: string, rows: CustomerWrite[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    with updated as (
      update customers c set
        external_id = x.external_id, email = x.email, name = x.name, company = x.company, role = x.role,
        team_size = x.team_size, locale = x.locale, plan = x.plan, click_id = x.click_id, attributes = x.attributes,
        acq_click_id = x.acq_click_id, created_at = x.created_at, updated_at = x.updated_at
      from ${recordset(rows)}
      where c.environment_id = ${envId} and c.id = x.id
      returning c.id
    )
    ${markStaleFrom(envId, sql`select id from updated`, at)}`.execute(trx);
}

/**
 * Locks customers in id order, so concurrent batches touching the same customers cannot deadlock.
 * `FOR NO KEY UPDATE`: what the aggregate UPDATE takes anyway, and compatible with the key-share
 * locks that inserting their events takes.
 */
export async function lockCustomerIds(trx: Transaction<DB>, envId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .selectFrom('customers')
    .select('customers.id')
    .where('customers.environmentId', '=', envId)
    .where('customers.id', 'in', ids)
    .orderBy('customers.id')
    .forNoKeyUpdate()
    .execute();
}
