import { describe, expect, it } from 'vitest';
import { demoCustomer } from './generate';

const opts = { customers: 400, months: 12, seed: 7, now: new Date('2026-06-01T00:00:00Z') };

describe('demo generator', () => {
  it('is deterministic per (seed, index) and differs across seeds', () => {
    expect(demoCustomer(opts, 5)).toEqual(demoCustomer(opts, 5));
    expect(demoCustomer({ ...opts, seed: 8 }, 5)).not.toEqual(demoCustomer(opts, 5));
  });

  it('produces realistic shapes: growth, purchases, refunds, touchpoints, no future events', () => {
    const all = Array.from({ length: opts.customers }, (_, i) => demoCustomer(opts, i));
    const events = all.flatMap((c) => c.events);
    const now = opts.now.getTime();
    expect(events.every((e) => Date.parse(e.timestamp) <= now)).toBe(true);
    const signups = all.map((c) => Date.parse(c.customer.createdAt as string));
    const half = now - 180 * 86_400_000;
    expect(signups.filter((t) => t >= half).length).toBeGreaterThan(signups.filter((t) => t < half).length);
    const purchases = events.filter((e) => e.name === 'order_completed');
    const share = purchases.length / events.length;
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.08);
    expect(events.some((e) => e.name === 'order_refunded' && (e.revenue as number) < 0)).toBe(true);
    expect(all.filter((c) => (c.events[0]?.context as { campaign?: unknown } | undefined)?.campaign).length).toBeGreaterThan(
      opts.customers / 3,
    );
    expect(all.every((c) => (c.customer.attributes as { demo_data: boolean }).demo_data)).toBe(true);
    const recentlyActive = all.filter((c) => c.events.some((e) => Date.parse(e.timestamp) > now - 30 * 86_400_000)).length;
    expect(recentlyActive).toBeLessThan(opts.customers * 0.8);
    expect(recentlyActive).toBeGreaterThan(opts.customers * 0.15);
  });
});
