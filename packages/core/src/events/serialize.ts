/** The one mapper from an event row to the API's Event object. */
import type { TEvent } from '@tenure/contract';
import type { eventReadQueries } from '@tenure/db';
import { fromMinor } from '../money';

export function toEvent(row: eventReadQueries.EventRowView): TEvent {
  return {
    id: row.id,
    customerId: row.customerId,
    externalId: row.externalId,
    name: row.name,
    properties: (row.properties ?? {}) as Record<string, unknown>,
    timestamp: row.timestamp.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    revenue: row.revenueMinor === null ? null : fromMinor(Number(row.revenueMinor)),
    messageId: row.messageId,
    context: (row.context ?? null) as TEvent['context'],
  };
}
