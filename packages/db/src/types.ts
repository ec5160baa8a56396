/**
 * Table types as the query layer sees them: camelCase through kysely's CamelCasePlugin
 * (the database itself is snake_case). Keep in step with migrations/.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;
/** A jsonb column with a database default. */
type JsonDefault<T = unknown> = ColumnType<T, string | undefined, string>;

export interface WorkspacesTable {
  id: string;
  slug: string;
  name: string;
  currency: Generated<string>;
  createdAt: CreatedAt;
}

export interface EnvironmentsTable {
  id: string;
  workspaceId: string;
  mode: 'live' | 'test';
  settings: JsonDefault<Record<string, unknown>>;
  /** Requests per second of the environment's reads and writes (null: 5× the key default). */
  rateLimit: number | null;
  /** Requests per second of the environment's ingestion (null: 5× the key default). */
  ingestRateLimit: number | null;
  createdAt: CreatedAt;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string | null;
  passwordHash: string;
  createdAt: CreatedAt;
  lastSignInAt: Timestamp | null;
}

export interface MembershipsTable {
  workspaceId: string;
  userId: string;
  role: 'owner' | 'admin' | 'member' | 'viewer';
  createdAt: CreatedAt;
}

export interface InvitesTable {
  id: string;
  workspaceId: string;
  email: string;
  role: 'owner' | 'admin' | 'member' | 'viewer';
  tokenHash: string;
  invitedBy: string | null;
  createdAt: CreatedAt;
  expiresAt: Timestamp;
  acceptedAt: Timestamp | null;
  acceptedBy: string | null;
  revokedAt: Timestamp | null;
}

export interface SessionsTable {
  id: string;
  userId: string;
  expiresAt: Timestamp;
  createdAt: CreatedAt;
}

export interface ApiKeysTable {
  id: string;
  environmentId: string;
  name: string;
  type: 'secret' | 'publishable';
  prefix: string;
  hash: string;
  scopes: string[] | null;
  rateLimit: number | null;
  ingestRateLimit: number | null;
  createdBy: string | null;
  createdAt: CreatedAt;
  revokedAt: Timestamp | null;
  lastUsedAt: Timestamp | null;
}

export interface CustomersTable {
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
  attributes: JsonDefault<Record<string, unknown>>;
  eventCount: Generated<number>;
  revenueMinor: Generated<ColumnType<number, number | bigint | undefined, number | bigint>>;
  firstEventAt: Timestamp | null;
  lastEventAt: Timestamp | null;
  firstSeenAt: Timestamp;
  acqEventId: string | null;
  acqAt: Timestamp | null;
  acqSource: string | null;
  acqMedium: string | null;
  acqCampaign: string | null;
  acqClickId: string | null;
  acqReferrer: string | null;
  acqLandingUrl: string | null;
  lifecycleStage: Generated<string>;
  health: number | null;
  healthComponents: Json<{ recency: number; engagement: number; monetary: number }> | null;
  previousHealth: number | null;
  engagementScore: Generated<number>;
  expansionScore: Generated<number>;
  riskLevel: string | null;
  scoresComputedAt: Timestamp | null;
  nextAction: Json<Record<string, unknown>> | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  deletedAt: Timestamp | null;
}

export interface EventsTable {
  id: string;
  environmentId: string;
  customerId: string;
  name: string;
  properties: JsonDefault<Record<string, unknown>>;
  timestamp: Timestamp;
  receivedAt: Timestamp;
  effectiveAt: Timestamp;
  revenueMinor: ColumnType<number, number | bigint, number | bigint> | null;
  messageId: string | null;
  context: Json<Record<string, unknown>> | null;
  isTouchpoint: Generated<boolean>;
  touchSource: string | null;
  touchMedium: string | null;
  touchCampaign: string | null;
}

/** When a customer's scores were last computed (also when nothing changed); see migration 2026120403. */
export interface CustomerScoreChecksTable {
  environmentId: string;
  customerId: string;
  checkedAt: Timestamp;
}

/** A change of lifecycle stage or risk level recorded by a score refresh. */
export interface CustomerTransitionsTable {
  id: Generated<ColumnType<string, never, never>>;
  environmentId: string;
  customerId: string;
  kind: 'lifecycle' | 'risk';
  fromValue: string | null;
  toValue: string | null;
  health: number | null;
  previousHealth: number | null;
  at: Timestamp;
}

export interface EventTombstonesTable {
  environmentId: string;
  messageId: string;
  eventId: string;
  deletedAt: Timestamp;
}

export interface SuppressionsTable {
  environmentId: string;
  externalId: string;
  customerId: string;
  erasedAt: Timestamp;
}

export interface IdempotencyKeysTable {
  environmentId: string;
  /** The API key or staff user that made the request: stored answers are theirs alone. */
  actorId: string;
  key: string;
  requestHash: string;
  statusCode: number | null;
  response: Json | null;
  createdAt: CreatedAt;
}

export interface AuditLogTable {
  id: string;
  workspaceId: string;
  environmentId: string | null;
  userId: string | null;
  apiKeyId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: JsonDefault<Record<string, unknown>>;
  createdAt: CreatedAt;
}

export interface DB {
  workspaces: WorkspacesTable;
  environments: EnvironmentsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  invites: InvitesTable;
  sessions: SessionsTable;
  apiKeys: ApiKeysTable;
  customers: CustomersTable;
  events: EventsTable;
  customerScoreChecks: CustomerScoreChecksTable;
  customerTransitions: CustomerTransitionsTable;
  suppressions: SuppressionsTable;
  eventTombstones: EventTombstonesTable;
  idempotencyKeys: IdempotencyKeysTable;
  auditLog: AuditLogTable;
}

export type CustomerRow = Selectable<CustomersTable>;
export type NewCustomerRow = Insertable<CustomersTable>;
export type CustomerUpdate = Updateable<CustomersTable>;
export type EventRow = Selectable<EventsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
