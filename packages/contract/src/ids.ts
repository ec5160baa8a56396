/** Prefixed, time-ordered ids: `<prefix>_<10 chars of ms time><16 random chars>` in Crockford base32. */
export const ID_PREFIX = {
  workspace: 'ws',
  environment: 'env',
  user: 'usr',
  apiKey: 'key',
  customer: 'cus',
  event: 'evt',
  segment: 'seg',
  audit: 'aud',
  invite: 'inv',
  playbook: 'pbk',
  intervention: 'int',
  webhook: 'whk',
  template: 'tpl',
  campaign: 'cmp',
  message: 'msg',
  feedback: 'fbk',
  company: 'co',
} as const;

export type IdKind = keyof typeof ID_PREFIX;

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** The largest time 10 base32 characters hold (2^50 − 1 ms, in the year 37,648). */
const MAX_TIME = 2 ** 50 - 1;

/**
 * Ten characters of ms since 1970. Total: a time outside [0, MAX_TIME] (inputs refuse them, see
 * text.ts) or not an integer is clamped, so the time part is always ten valid characters.
 */
function encodeTime(ms: number): string {
  let out = '';
  let n = Number.isFinite(ms) ? Math.min(Math.max(Math.floor(ms), 0), MAX_TIME) : 0;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[n % 32] + out;
    n = Math.floor(n / 32);
  }
  return out;
}

// Random bytes are drawn in blocks: one getRandomValues call per 256 ids, not per id.
const pool = new Uint8Array(4096);
let poolOffset = pool.length;

function randomChars(count: number): string {
  if (poolOffset + count > pool.length) {
    globalThis.crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  let out = '';
  for (let i = 0; i < count; i++) out += ALPHABET[(pool[poolOffset + i] as number) & 31];
  poolOffset += count;
  return out;
}

/** Ids sort by creation time, which keeps b-tree inserts local and gives list tie-breaks a natural order. */
export function newId(kind: IdKind, at: number = Date.now()): string {
  return `${ID_PREFIX[kind]}_${encodeTime(at)}${randomChars(16)}`;
}

export function hasPrefix(id: string, kind: IdKind): boolean {
  return id.startsWith(`${ID_PREFIX[kind]}_`);
}
