/** Exact rounding of decimal text (the engine's unrounded numeric sums), half away from zero. */

/**
 * `text × 10^shift` rounded half away from zero to `places` decimals, in integers (BigInt): the
 * engine's numeric answers arrive as text, and a tie stays a tie whatever binary floating point
 * would make of it. `shift` −2 turns minor units into currency units.
 * @example roundDecimal('1234.5', 2, -2) // 12.35; roundDecimal('-0.125', 2) // -0.13
 */
export function roundDecimal(text: string, places: number, shift = 0): number {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m) throw new RangeError(`not a decimal: ${text}`);
  const negative = m[1] === '-';
  const whole = m[2] || '0';
  const fraction = m[3] ?? '';
  // The digits as an integer and the power of ten it is scaled by: value = digits × 10^(−scale).
  const digits = BigInt(whole + fraction);
  const scale = fraction.length - shift - places;
  let q: bigint;
  if (scale <= 0) q = digits * 10n ** BigInt(-scale);
  else {
    const unit = 10n ** BigInt(scale);
    q = digits / unit;
    if ((digits % unit) * 2n >= unit) q += 1n;
  }
  const value = Number(q) / 10 ** places;
  return negative && q !== 0n ? -value : value;
}
