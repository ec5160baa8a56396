/**
 * Deterministic demo data: customers acquired over M months with growth, a churn curve, sessions
 * of several events, campaigns with click ids, referrers, ~5% purchases with log-normal revenue,
 * refunds and reactivations. Customer i depends only on (seed, i), so any slice is reproducible.
 * Everything is labelled (`demo_data: true`, example.com emails) and goes through normal ingestion.
 */
import { mix, Random } from './random';

const DAY = 86_400_000;

export interface DemoOptions {
  customers: number;
  months: number;
  seed: number;
  now: Date;
}

export interface DemoCustomer {
  customer: Record<string, unknown> & { externalId: string };
  events: (Record<string, unknown> & { timestamp: string })[];
}

type Channel = { source: string; medium: string; name: string; click: string | null } | { referrer: string } | null;

const CHANNELS: (readonly [Channel, number])[] = [
  [{ source: 'google', medium: 'cpc', name: 'brand-search', click: 'gclid' }, 22],
  [{ source: 'google', medium: 'cpc', name: 'generic-search', click: 'gclid' }, 14],
  [{ source: 'facebook', medium: 'paid_social', name: 'lookalike-q', click: 'fbclid' }, 12],
  [{ source: 'linkedin', medium: 'paid_social', name: 'b2b-decision-makers', click: 'li_fat_id' }, 8],
  [{ source: 'newsletter', medium: 'email', name: 'monthly-digest', click: null }, 9],
  [{ referrer: 'https://news.ycombinator.com/item?id=4242' }, 7],
  [{ referrer: 'https://www.producthunt.com/posts/tenure' }, 6],
  [{ referrer: 'https://blog.example.org/best-retention-tools' }, 6],
  [null, 16],
];

const PLANS = [
  ['free', 40],
  ['starter', 30],
  ['pro', 22],
  ['enterprise', 8],
] as const;
const COUNTRIES = ['US', 'US', 'US', 'GB', 'DE', 'FR', 'CA', 'NL', 'SE', 'BR', 'IN', 'AU', 'JP', 'ES'] as const;
const FIRST = [
  'Ada',
  'Alan',
  'Grace',
  'Linus',
  'Margaret',
  'Ken',
  'Barbara',
  'Dennis',
  'Frances',
  'Tim',
  'Radia',
  'Guido',
  'Hedy',
  'John',
  'Katherine',
  'Edsger',
];
const LAST = [
  'Lovelace',
  'Turing',
  'Hopper',
  'Torvalds',
  'Hamilton',
  'Thompson',
  'Liskov',
  'Ritchie',
  'Allen',
  'Berners-Lee',
  'Perlman',
  'Rossum',
  'Lamarr',
  'Backus',
  'Johnson',
  'Dijkstra',
];
const COMPANIES = [
  'Initech',
  'Globex',
  'Umbrella',
  'Hooli',
  'Vandelay',
  'Stark Industries',
  'Wayne Enterprises',
  'Acme',
  'Soylent',
  'Cyberdyne',
  'Pied Piper',
  'Massive Dynamic',
];
const PAGES = ['/dashboard', '/reports', '/customers', '/settings', '/billing', '/integrations', '/docs/getting-started'];
const FEATURES = ['report_exported', 'segment_created', 'dashboard_shared', 'integration_connected', 'alert_configured'];

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Signup time with growth: later months are more likely (density ∝ t^0.6). */
function signupAt(r: Random, start: number, span: number): number {
  return start + span * r.next() ** (1 / 1.6);
}

export function demoCustomer(opts: DemoOptions, i: number): DemoCustomer {
  const r = new Random(mix(opts.seed, i));
  const now = opts.now.getTime();
  const span = opts.months * 30 * DAY;
  const start = now - span;
  const signup = signupAt(r, start, span);
  const first = r.pick(FIRST);
  const last = r.pick(LAST);
  const plan = r.weighted(PLANS);
  const externalId = `demo-${String(i).padStart(6, '0')}`;
  const channel = r.weighted(CHANNELS);
  const clickId = channel && 'source' in channel && channel.click ? `${channel.click}-${mix(opts.seed, i + 7).toString(36)}` : null;

  // Churn curve: most customers stay a few months, a loyal fifth stays for years.
  const lifetime = r.chance(0.2) ? r.exponential(600 * DAY) : r.exponential(110 * DAY);
  const activeUntil = Math.min(now, signup + lifetime);
  const sessionsPerWeek = Math.max(0.15, r.logNormal(0.5, 0.6));
  const reactivates = activeUntil < now - 90 * DAY && r.chance(0.15);

  const events: DemoCustomer['events'] = [];
  let seq = 0;
  const push = (t: number, name: string, extra: Record<string, unknown> = {}) => {
    if (t > now) return;
    events.push({ externalId, name, timestamp: iso(t), messageId: `demo-${opts.seed}-${i}-${seq++}`, ...extra });
  };

  const context: Record<string, unknown> = { url: `https://app.example.com/signup?plan=${plan}` };
  if (channel && 'source' in channel) {
    context.campaign = { source: channel.source, medium: channel.medium, name: channel.name };
    if (clickId) context.clickId = clickId;
  } else if (channel && 'referrer' in channel) context.referrer = channel.referrer;
  push(signup, 'signed_up', { context, properties: { plan } });

  const session = (t: number, touch?: Record<string, unknown>) => {
    const count = r.int(2, 4);
    let at = t;
    for (let k = 0; k < count; k++) {
      const roll = r.next();
      if (k === 0) push(at, 'session_started', touch ? { context: touch } : {});
      else if (roll < 0.05) {
        const revenue = Math.round(r.logNormal(plan === 'enterprise' ? 400 : 60, 0.8) * 100) / 100;
        push(at, 'order_completed', { revenue, properties: { plan, items: r.int(1, 4) } });
        if (r.chance(0.06))
          push(at + r.int(1, 20) * DAY, 'order_refunded', {
            revenue: -revenue,
            properties: { reason: r.pick(['changed_mind', 'duplicate', 'not_as_expected']) },
          });
      } else if (roll < 0.25) push(at, 'feature_used', { properties: { feature: r.pick(FEATURES) } });
      else push(at, 'page_viewed', { properties: { path: r.pick(PAGES) } });
      at += r.int(20, 600) * 1000;
    }
  };

  for (let t = signup + r.exponential(2 * DAY); t < activeUntil; t += r.exponential((7 / sessionsPerWeek) * DAY)) session(t);
  if (reactivates) {
    const back = activeUntil + (70 + r.int(0, 120)) * DAY;
    const touch = { campaign: { source: 'newsletter', medium: 'email', name: 'win-back' } };
    for (let t = back, n = r.int(2, 8); n > 0 && t < now; n--, t += r.exponential(5 * DAY)) session(t, n === 0 ? touch : undefined);
    if (back < now) session(back, touch);
  }

  return {
    customer: {
      externalId,
      email: `${first}.${last}.${i}@example.com`.toLowerCase(),
      name: `${first} ${last}`,
      company: r.pick(COMPANIES),
      role: r.pick(['Founder', 'Head of Growth', 'Product Manager', 'Data Analyst', 'CTO', 'Marketing Lead']),
      teamSize: r.int(1, plan === 'enterprise' ? 500 : 40),
      locale: r.pick(['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'pt-BR', 'ja-JP']),
      plan,
      clickId,
      createdAt: iso(signup),
      attributes: { plan, seats: r.int(1, plan === 'free' ? 3 : 60), country: r.pick(COUNTRIES), demo_data: true },
    },
    events,
  };
}
