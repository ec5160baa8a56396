import { describe, expect, it } from 'vitest';
import { touchOf } from './touchpoint';

describe('touchOf', () => {
  it('uses campaign fields first', () => {
    expect(touchOf({ campaign: { source: 'google', medium: 'cpc', name: 'spring' }, referrer: 'https://x.com' })).toEqual({
      isTouchpoint: true,
      source: 'google',
      medium: 'cpc',
      campaign: 'spring',
    });
  });

  it('falls back to the referrer host without www., medium referral', () => {
    expect(touchOf({ referrer: 'https://WWW.News.Example.com/a?b' })).toEqual({
      isTouchpoint: true,
      source: 'news.example.com',
      medium: 'referral',
      campaign: null,
    });
  });

  it('a click id alone is (click) with no medium', () => {
    expect(touchOf({ clickId: 'gclid-1' })).toEqual({ isTouchpoint: true, source: '(click)', medium: null, campaign: null });
  });

  it('a url alone is not a touchpoint', () => {
    expect(touchOf({ url: 'https://app.example.com' }).isTouchpoint).toBe(false);
    expect(touchOf(null).isTouchpoint).toBe(false);
  });
});
