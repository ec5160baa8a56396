/** Money: decimals in, integer minor units stored, outputs rounded half away from zero. */

/** A decimal with at most 2 places to minor units (Math.round on the scaled value, never truncation). */
export function toMinor(amount: number): number {
  return Math.sign(amount) * Math.round(Math.abs(amount) * 100);
}

export function fromMinor(minor: number): number {
  return minor / 100;
}

/** Rounds half away from zero to `places` (JS Math.round rounds -0.5 toward +∞). */
export function roundHalfAway(value: number, places = 2): number {
  const f = 10 ** places;
  const scaled = Math.abs(value) * f;
  // Nudge by a relative epsilon so that 1.005 (stored as 1.00499…) still rounds to 1.01.
  const rounded = Math.round(scaled * (1 + Number.EPSILON)) / f;
  return Math.sign(value) * rounded || 0;
}

/** True when a decimal has at most 2 fractional digits. */
export function hasAtMostTwoDecimals(amount: number): boolean {
  return Math.abs(Math.round(amount * 100) - amount * 100) < 1e-6;
}
