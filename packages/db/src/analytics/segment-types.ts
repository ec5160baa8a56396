/**
 * The segment questions the PostgreSQL engine answers, as plain data: the same shapes as
 * @tenure/contract's rule language (core assigns this engine to its interface, so the compiler
 * checks that both sides agree). Rules arrive validated by the contract's schema.
 */

export type RuleOperator =
  | 'eq'
  | 'neq'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'contains'
  | 'notContains'
  | 'in'
  | 'notIn'
  | 'exists'
  | 'notExists'
  | 'before'
  | 'after'
  | 'withinLastDays';

export type RuleScalar = string | number | boolean;

export interface RuleInput {
  field: string;
  operator: RuleOperator;
  value?: RuleScalar | RuleScalar[];
  event?: string;
  withinDays?: number;
}

export interface RuleSet {
  match: 'all' | 'any';
  rules: RuleInput[];
}

/** What rules are evaluated against: the environment, the time of the evaluation and its activeDays. */
export interface RuleContext {
  envId: string;
  now: Date;
  activeDays: number;
}

export interface SegmentEstimateQuery extends RuleSet, RuleContext {}

/** Does one customer match (a playbook's `exit_unless`)? Deleted and unknown customers do not. */
export interface SegmentMatchQuery extends RuleSet, RuleContext {
  customerId: string;
}

/**
 * Bring memberships up to date: of these segments (null: every segment of the environment), for
 * these customers (null: every customer), recording who entered and left.
 */
export interface SegmentRefreshInput extends RuleContext {
  segmentIds: string[] | null;
  customerIds: string[] | null;
}

export interface SegmentRefreshResult {
  /** Segments evaluated. */
  segments: number;
  entered: number;
  left: number;
}
