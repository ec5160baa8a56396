/** REST.md: a failing analytics query answers 500 with reason ANALYTICS_ERROR. */
import { AppError } from '@tenure/contract';

/** A SQLSTATE of a statement that failed, not of a lost or refused connection (class 08, 57P). */
function isQueryFailure(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith('08') && !code.startsWith('57P');
}

/**
 * Runs an engine call; a query the database refused becomes ANALYTICS_ERROR, while lost
 * connections and domain errors pass through to the central mapping (503, 4xx).
 */
export async function analyticsCall<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isQueryFailure(error))
      throw new AppError('INTERNAL_SERVER_ERROR', `Analytics query failed: ${what}`, { reason: 'ANALYTICS_ERROR', cause: error });
    throw error;
  }
}
