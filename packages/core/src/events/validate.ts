/** Per-event validation shared by the single and batch paths: schema, byte cap, time, revenue rights. */
import { type ErrorIssue, formatPath, type TEventInput, ZEventInput } from '@tenure/contract';
import type { ItemError } from '../customers/apply-engine';

export const MAX_EVENT_BYTES = 64 * 1024;
const FUTURE_LIMIT_MS = 3600 * 1000;

export type EventItemError = Omit<ItemError, 'code'> & { code: ItemError['code'] | 'FORBIDDEN' | 'NOT_FOUND' | 'PAYLOAD_TOO_LARGE' };

export interface ValidEvent {
  index: number;
  input: TEventInput;
  timestamp: Date;
}

function fail(index: number, code: EventItemError['code'], issues: ErrorIssue[], message?: string): EventItemError {
  return { index, code, message: message ?? `Invalid event: ${issues[0]?.path}: ${issues[0]?.message}`, issues };
}

export function validateEvent(
  raw: unknown,
  index: number,
  prefix: PropertyKey[],
  opts: { now: Date; publishable: boolean; allowPublishableRevenue: boolean },
): ValidEvent | EventItemError {
  if (Buffer.byteLength(JSON.stringify(raw) ?? '') > MAX_EVENT_BYTES) {
    return { index, code: 'PAYLOAD_TOO_LARGE', message: `An event is at most ${MAX_EVENT_BYTES / 1024} KB serialized` };
  }
  const parsed = ZEventInput.safeParse(raw);
  if (!parsed.success) {
    return fail(
      index,
      'BAD_REQUEST',
      parsed.error.issues.map((i) => ({ path: formatPath([...prefix, ...i.path]), message: i.message })),
    );
  }
  const input = parsed.data;
  const timestamp = input.timestamp ? new Date(input.timestamp) : opts.now;
  if (timestamp.getTime() > opts.now.getTime() + FUTURE_LIMIT_MS) {
    return fail(index, 'BAD_REQUEST', [
      { path: formatPath([...prefix, 'timestamp']), message: 'timestamp is more than 1 hour in the future' },
    ]);
  }
  if (opts.publishable && input.revenue != null && !opts.allowPublishableRevenue) {
    return { index, code: 'FORBIDDEN', message: 'Publishable keys may not send revenue in this environment' };
  }
  return { index, input, timestamp };
}
