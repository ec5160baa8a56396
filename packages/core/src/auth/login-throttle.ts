/** Login throttling per account and per IP (QUALITY.md), in process memory. */
import { AppError } from '@tenure/contract';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

const perAccount = new RateLimiterMemory({ keyPrefix: 'login-account', points: 10, duration: 15 * 60 });
const perIp = new RateLimiterMemory({ keyPrefix: 'login-ip', points: 50, duration: 15 * 60 });

/** A successful sign-in clears the account's failures (the IP budget still counts). */
export async function clearLoginFailures(email: string): Promise<void> {
  await perAccount.delete(email.toLowerCase());
}

/** Counts one attempt; over either limit → 429 with the seconds to wait in the message. */
export async function throttleLogin(email: string, ip: string): Promise<void> {
  try {
    await Promise.all([perAccount.consume(email.toLowerCase()), perIp.consume(ip)]);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const seconds = Math.ceil(error.msBeforeNext / 1000);
      throw new AppError('TOO_MANY_REQUESTS', `Too many sign-in attempts; try again in ${seconds} s`);
    }
    throw error;
  }
}
