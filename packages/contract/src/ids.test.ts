import { describe, expect, it } from 'vitest';
import { newId } from './ids';

const SHAPE = /^evt_[0-9a-hjkmnp-tv-z]{26}$/;

describe('newId', () => {
  it('is total: any time gives a well-formed id (times before 1970 or past the range are clamped)', () => {
    for (const at of [0, 1, Date.UTC(2026, 11, 3), -1, -62167219200000, Number.NaN, 2 ** 60, 1.5]) {
      expect(newId('event', at)).toMatch(SHAPE);
    }
  });

  it('sorts by creation time', () => {
    const early = newId('event', Date.UTC(1970, 0, 1, 0, 0, 1));
    const late = newId('event', Date.UTC(2030, 0, 1));
    expect(early < late).toBe(true);
    expect(newId('event', -5).slice(0, 14)).toBe(newId('event', 0).slice(0, 14));
  });
});
