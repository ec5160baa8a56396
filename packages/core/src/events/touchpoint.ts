/** Touchpoint attributes of an event context (ANALYTICS.md: source, medium, campaign). */
import type { TEventContext } from '@tenure/contract';

export interface Touch {
  isTouchpoint: boolean;
  source: string | null;
  medium: string | null;
  campaign: string | null;
}

/** The referrer's host, lower-cased, without `www.`; null when it is not a URL. */
export function referrerHost(referrer: string): string | null {
  try {
    return new URL(referrer).hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

export function touchOf(context: TEventContext | null | undefined): Touch {
  const c = context?.campaign;
  const hasCampaign = !!(c && (c.source || c.medium || c.name || c.term || c.content));
  const referrer = context?.referrer || null;
  const clickId = context?.clickId || null;
  if (!hasCampaign && !referrer && !clickId) return { isTouchpoint: false, source: null, medium: null, campaign: null };
  const source = c?.source || (referrer ? (referrerHost(referrer) ?? referrer) : null) || (clickId ? '(click)' : null);
  const medium = c?.medium || (referrer ? 'referral' : null);
  return { isTouchpoint: true, source, medium, campaign: c?.name || null };
}
