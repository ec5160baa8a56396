/** Reading customers: one by reference, filtered lists and counts. */
import { AppError, type CustomerSortKey, type TCustomer } from '@tenure/contract';
import { customerReadQueries, type DB, type Kysely } from '@tenure/db';
import { loadEnvironment } from '../settings';
import { parseCustomerRef } from './refs';
import { toCustomer } from './serialize';

export interface CustomerFilterParams {
  search?: string;
  lifecycleStage?: string;
  riskLevel?: string;
  active?: 'true' | 'false';
  ids?: string[];
  /** Only members of this segment. */
  segmentId?: string;
}

export interface CustomerListParams extends CustomerFilterParams {
  page: number;
  limit: number;
  sortBy: CustomerSortKey;
  sortOrder: 'asc' | 'desc';
}

const DAY = 86_400_000;

async function toQueryFilters(db: Kysely<DB>, envId: string, p: CustomerFilterParams): Promise<customerReadQueries.CustomerFilters> {
  const filters: customerReadQueries.CustomerFilters = {
    search: p.search || undefined,
    lifecycleStage: p.lifecycleStage,
    riskLevel: p.riskLevel,
    segmentId: p.segmentId,
  };
  if (p.active) {
    const { settings } = await loadEnvironment(db, envId);
    filters.active = { value: p.active === 'true', since: new Date(Date.now() - settings.activeDays * DAY) };
  }
  if (p.ids) {
    const ids: string[] = [];
    const externalIds: string[] = [];
    for (const ref of p.ids) {
      const key = parseCustomerRef(ref);
      if (key && 'id' in key) ids.push(key.id);
      else if (key) externalIds.push(key.externalId);
    }
    filters.ids = { ids, externalIds };
  }
  return filters;
}

export async function getCustomer(db: Kysely<DB>, envId: string, ref: string): Promise<TCustomer> {
  const key = parseCustomerRef(ref);
  const row = key ? await customerReadQueries.findCustomerRow(db, envId, key) : undefined;
  if (!row) throw new AppError('NOT_FOUND', `Customer ${ref} not found`);
  return toCustomer(row);
}

export async function listCustomers(
  db: Kysely<DB>,
  envId: string,
  p: CustomerListParams,
): Promise<{ customers: TCustomer[]; total: number; page: number; limit: number }> {
  const filters = await toQueryFilters(db, envId, p);
  const [rows, total] = await Promise.all([
    customerReadQueries.listCustomerRows(db, envId, {
      ...filters,
      sortBy: p.sortBy,
      sortOrder: p.sortOrder,
      offset: (p.page - 1) * p.limit,
      limit: p.limit,
    }),
    customerReadQueries.countCustomerRows(db, envId, filters),
  ]);
  return { customers: rows.map(toCustomer), total, page: p.page, limit: p.limit };
}

export async function countCustomers(db: Kysely<DB>, envId: string, p: CustomerFilterParams): Promise<number> {
  return customerReadQueries.countCustomerRows(db, envId, await toQueryFilters(db, envId, p));
}
