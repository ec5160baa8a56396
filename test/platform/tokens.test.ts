/** Token digests are SHA-256 in lower-case hex (FIPS 180-2 test vectors), stable across releases: stored keys and sessions depend on it. */
import { hashToken, randomToken } from '@tenure/core';
import { describe, expect, it } from 'vitest';

describe('tokens', () => {
  it('hashes as SHA-256 hex of the UTF-8 bytes', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashToken('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hashToken('é')).toBe('4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c');
  });

  it('draws random base32 tokens of the requested size', () => {
    const a = randomToken(20);
    expect(a).toMatch(/^[a-z2-7]{32}$/);
    expect(randomToken(20)).not.toBe(a);
  });
});
