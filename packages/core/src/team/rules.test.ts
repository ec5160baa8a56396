import { AppError, ROLES, type Role } from '@tenure/contract';
import { describe, expect, it } from 'vitest';
import { assertMayManage, assertOwnerRemains } from './rules';

function outcome(actor: Role, target: Role | null, next: Role | null): string {
  try {
    assertMayManage(actor, target, next);
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
}

describe('assertMayManage', () => {
  it('owners may do anything, members and viewers nothing', () => {
    for (const target of [null, ...ROLES]) {
      for (const next of [null, ...ROLES]) {
        expect(outcome('owner', target, next)).toBe('ok');
        expect(outcome('member', target, next)).toBe('FORBIDDEN');
        expect(outcome('viewer', target, next)).toBe('FORBIDDEN');
      }
    }
  });

  it('admins cannot touch owners or make owners', () => {
    expect(outcome('admin', 'member', 'viewer')).toBe('ok');
    expect(outcome('admin', 'viewer', 'admin')).toBe('ok');
    expect(outcome('admin', null, 'admin')).toBe('ok');
    expect(outcome('admin', 'admin', null)).toBe('ok');
    expect(outcome('admin', 'owner', 'admin')).toBe('FORBIDDEN');
    expect(outcome('admin', 'owner', null)).toBe('FORBIDDEN');
    expect(outcome('admin', 'member', 'owner')).toBe('FORBIDDEN');
    expect(outcome('admin', null, 'owner')).toBe('FORBIDDEN');
  });
});

it('assertOwnerRemains refuses to leave a workspace without owners', () => {
  expect(() => assertOwnerRemains(1)).not.toThrow();
  expect(() => assertOwnerRemains(0)).toThrow(expect.objectContaining({ code: 'CONFLICT', reason: 'LAST_OWNER' }));
});
