import { describe, expect, it } from 'vitest';
import { hasAtMostTwoDecimals, roundHalfAway, toMinor } from './money';

describe('money', () => {
  it('converts to minor units by rounding, never truncating', () => {
    expect(toMinor(19.99)).toBe(1999);
    expect(toMinor(0.29)).toBe(29);
    expect(toMinor(-4.35)).toBe(-435);
    expect(toMinor(1.15)).toBe(115);
    expect(toMinor(8.07)).toBe(807);
  });

  it('rounds half away from zero, including .5 ties on negatives', () => {
    expect(roundHalfAway(2.345)).toBe(2.35);
    expect(roundHalfAway(-2.345)).toBe(-2.35);
    expect(roundHalfAway(0.125, 2)).toBe(0.13);
    expect(roundHalfAway(-0.5, 0)).toBe(-1);
    expect(roundHalfAway(0.00001)).toBe(0);
  });

  it('detects more than two decimals', () => {
    expect(hasAtMostTwoDecimals(10.25)).toBe(true);
    expect(hasAtMostTwoDecimals(10.255)).toBe(false);
  });
});
