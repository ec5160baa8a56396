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

  it('reads a referrer without a scheme as a URL, and keeps one without a host lower-cased', () => {
    expect(touchOf({ referrer: 'WWW.Google.COM/search?q=x' }).source).toBe('google.com');
    expect(touchOf({ referrer: 'http://Example.org.:8080/a' }).source).toBe('example.org');
    expect(touchOf({ referrer: 'android-app://com.Google.android.gm/' }).source).toBe('com.google.android.gm');
    expect(touchOf({ referrer: 'mailto:Someone' })).toEqual({
      isTouchpoint: true,
      source: 'mailto:someone',
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
