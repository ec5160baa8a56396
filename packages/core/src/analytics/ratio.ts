/** Exact rounding of ratios of integers (rates, averages of minor units), half away from zero. */

/**
 * `num / den` rounded half away from zero to `places` decimals, computed in integers (BigInt), so
 * a tie is a tie whatever binary floating point would make of it. `den` must be positive.
 * @example roundRatio(1, 8, 2) // 0.13; roundRatio(-1, 8, 2) // -0.13
 */
export function roundRatio(num: number | bigint, den: number | bigint, places: number): number {
  const n = BigInt(num);
  const d = BigInt(den);
  if (d <= 0n) throw new RangeError('roundRatio needs a positive denominator');
  const scale = 10n ** BigInt(places);
  const scaled = (n < 0n ? -n : n) * scale;
  let q = scaled / d;
  if ((scaled % d) * 2n >= d) q += 1n;
  const value = Number(q) / Number(scale);
  return n < 0n ? -value : value;
}
