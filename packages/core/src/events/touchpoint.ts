/** Touchpoint attributes of an event context (ANALYTICS.md: source, medium, campaign). */
import type { TEventContext } from '@tenure/contract';

export interface Touch {
  isTouchpoint: boolean;
  source: string | null;
  medium: string | null;
  campaign: string | null;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/**
 * The referrer's host, lower-cased, without `www.` (and without the trailing dot of a fully
 * qualified name). A referrer sent without a scheme (`News.Example.com/a`) is read as https; one
 * with no host at all stays as sent, lower-cased, so every touchpoint with a referrer has a source.
 */
export function referrerHost(referrer: string): string {
  const text = referrer.trim();
  const host = hostOf(text) ?? (/^[a-z][a-z0-9+.-]*:/i.test(text) ? null : hostOf(`https://${text}`));
  return (host ?? text)
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
}

export function touchOf(context: TEventContext | null | undefined): Touch {
  const c = context?.campaign;
  const hasCampaign = !!(c && (c.source || c.medium || c.name || c.term || c.content));
  const referrer = context?.referrer || null;
  const clickId = context?.clickId || null;
  if (!hasCampaign && !referrer && !clickId) return { isTouchpoint: false, source: null, medium: null, campaign: null };
  const source = c?.source || (referrer ? referrerHost(referrer) : null) || (clickId ? '(click)' : null);
  const medium = c?.medium || (referrer ? 'referral' : null);
  return { isTouchpoint: true, source, medium, campaign: c?.name || null };
}
