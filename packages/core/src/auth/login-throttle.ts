/**
 * Sign-in throttling (QUALITY.md): per (account, client IP) with exponential backoff, and a budget
 * of failures per IP — never a hard account lock, so nobody can lock a colleague out by typing
 * wrong passwords from elsewhere. In process memory (rate-limiter-flexible), bounded by expiry.
 *
 * Usage: `throttleLogin` before checking a password (it refuses a blocked attempt and counts this
 * one as a failure), `clearLoginFailures` after a success (which takes the count back).
 */
import { AppError } from '@tenure/contract';
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';

/** Failures of one account from one address before backoff starts. */
export const FREE_LOGIN_FAILURES = 5;
/** Failures one address may make in 15 minutes, across accounts. */
export const IP_LOGIN_FAILURES = 100;
const WINDOW_S = 15 * 60;
const MAX_BACKOFF_S = 15 * 60;

const failures = new RateLimiterMemory({ keyPrefix: 'login-fail', points: Number.MAX_SAFE_INTEGER, duration: WINDOW_S });
const blocks = new RateLimiterMemory({ keyPrefix: 'login-block', points: 1, duration: 1 });
const perIp = new RateLimiterMemory({ keyPrefix: 'login-ip', points: IP_LOGIN_FAILURES, duration: WINDOW_S });

const accountKey = (email: string, ip: string) => `${email.trim().toLowerCase()}|${ip}`;

/** Seconds to wait after the n-th consecutive failure: 0 up to the free ones, then 2, 4, 8 … up to 15 min. */
export function loginBackoffSeconds(failureCount: number): number {
  if (failureCount <= FREE_LOGIN_FAILURES) return 0;
  return Math.min(2 ** (failureCount - FREE_LOGIN_FAILURES), MAX_BACKOFF_S);
}

function refuse(res: RateLimiterRes): never {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  throw new AppError('TOO_MANY_REQUESTS', `Too many failed sign-in attempts; try again in ${seconds} s`);
}

/** Refuses an attempt during a backoff or over the address's budget; otherwise counts it as a failure. */
export async function throttleLogin(email: string, ip: string): Promise<void> {
  const key = accountKey(email, ip);
  const blocked = await blocks.get(key);
  if (blocked && blocked.msBeforeNext > 0 && blocked.consumedPoints > 0) refuse(blocked);
  const address = await perIp.get(ip);
  if (address && address.consumedPoints >= IP_LOGIN_FAILURES) refuse(address);
  const counted = await failures.penalty(key, 1);
  await perIp.penalty(ip, 1);
  const wait = loginBackoffSeconds(counted.consumedPoints);
  if (wait > 0) await blocks.block(key, wait);
}

/** After a successful sign-in: the attempt was no failure, and the account's backoff from this address ends. */
export async function clearLoginFailures(email: string, ip: string): Promise<void> {
  const key = accountKey(email, ip);
  await Promise.all([failures.delete(key), blocks.delete(key), perIp.reward(ip, 1)]);
}
