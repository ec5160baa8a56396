/** What makes an event a touchpoint, and how to label it. */
import type { TEvent, TEventContext } from '@tenure/contract';

export type { TEvent };
export type EventContextShape = TEventContext;

/** The API types `context` loosely (a record); ingestion only ever stores the EventContext shape. */
export function eventContext(event: TEvent): EventContextShape | null {
  return event.context as EventContextShape | null;
}

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

/** PRODUCT.md: any campaign, click or referrer context makes an event a touchpoint. */
export function isTouchpoint(context: EventContextShape | null | undefined): boolean {
  if (!context) return false;
  const campaign = context.campaign;
  const hasCampaign = campaign ? Object.values(campaign).some(hasText) : false;
  return hasCampaign || hasText(context.clickId) || hasText(context.referrer);
}

/** A short label for a touchpoint: "google / cpc · spring-sale", or the referrer host. */
export function touchpointLabel(context: EventContextShape | null | undefined): string {
  if (!context) return '';
  const c = context.campaign;
  const parts = [c?.source, c?.medium].filter(hasText).join(' / ');
  const name = hasText(c?.name) ? ` · ${c?.name}` : '';
  if (parts || name) return `${parts}${name}`.replace(/^ · /, '');
  if (hasText(context.referrer)) {
    try {
      return new URL(context.referrer as string).host;
    } catch {
      return context.referrer as string;
    }
  }
  return hasText(context.clickId) ? 'Click id' : '';
}
