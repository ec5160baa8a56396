/** Opaque journey cursors: base64url of the last row's (timestamp, id). */
import { AppError } from '@tenure/contract';

export function encodeCursor(timestamp: Date, id: string): string {
  return Buffer.from(JSON.stringify([timestamp.toISOString(), id])).toString('base64url');
}

export function decodeCursor(cursor: string): { timestamp: Date; id: string } {
  try {
    const [ts, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const timestamp = new Date(ts);
    if (typeof id !== 'string' || !id.startsWith('evt_') || Number.isNaN(timestamp.getTime())) throw new Error('bad cursor');
    return { timestamp, id };
  } catch (error) {
    throw new AppError('BAD_REQUEST', 'Invalid cursor', { cause: error, issues: [{ path: 'cursor', message: 'Invalid cursor' }] });
  }
}
