/**
 * The strings and times the storable-input properties draw from, and an oracle for "storable"
 * written independently of the code under test.
 */
import fc from 'fast-check';

/** NUL, both halves of a surrogate pair alone, an RTL override, Arabic, Hebrew, emoji (one a ZWJ sequence), accents, NBSP. */
const PIECES = ['a', 'Z', ' ', '\u0000', '\ud800', '\udfff', '\u202e', 'مرحبا', 'שלום', '😀', '👩‍💻', 'é', '\u00a0'];

/** 1–6 pieces joined: a lone surrogate stays lone unless a high one happens to precede a low one. */
export const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

export const TIMES = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00Z',
  '1999-06-15T12:00:00+02:00',
  '9999-12-31T23:59:59Z',
];
export const time = fc.constantFrom(...TIMES);

/** Independent of the code under test: encodeURIComponent throws on unpaired surrogates. */
export function storable(s: string): boolean {
  if (s.includes('\u0000')) return false;
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

export const after1970 = (t: string) => Date.parse(t) >= Date.UTC(1970, 0, 1);

/** Event timestamps may also not be more than an hour ahead (REST.md): year 9999 is refused there. */
export const storableEventTime = (t: string) => after1970(t) && Date.parse(t) <= Date.now() + 3600_000;

export const RUNS = { numRuns: 20 };
