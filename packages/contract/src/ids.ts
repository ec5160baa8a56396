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

function encodeTime(ms: number): string {
  let out = '';
  let n = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[n % 32] + out;
    n = Math.floor(n / 32);
  }
  return out;
}

function randomChars(count: number): string {
  const bytes = new Uint8Array(count);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

/** Ids sort by creation time, which keeps b-tree inserts local and gives list tie-breaks a natural order. */
export function newId(kind: IdKind, at: number = Date.now()): string {
  return `${ID_PREFIX[kind]}_${encodeTime(at)}${randomChars(16)}`;
}

export function hasPrefix(id: string, kind: IdKind): boolean {
  return id.startsWith(`${ID_PREFIX[kind]}_`);
}
