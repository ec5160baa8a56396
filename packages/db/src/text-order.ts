/** REST.md's text order, in one place for the query layer and the analytics glue above it. */

/**
 * Code point order, which UTF-16 `<` differs from above U+FFFF: an astral character (a surrogate
 * pair, 0xD800–0xDBFF first) sorts after every BMP character, U+E000–U+FFFF included.
 * @example ['\u{1F680}', '\uFF5E'].sort(byCodePoints) // ['～', '🚀']
 */
export function byCodePoints(a: string, b: string): number {
  const [x, y] = [Array.from(a, (c) => c.codePointAt(0) ?? 0), Array.from(b, (c) => c.codePointAt(0) ?? 0)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return x.length - y.length;
}
