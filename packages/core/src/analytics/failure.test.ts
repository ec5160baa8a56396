import { AppError } from '@tenure/contract';
import { describe, expect, it } from 'vitest';
import { analyticsCall } from './failure';

const fail = (error: unknown) => analyticsCall('test', () => Promise.reject(error));

describe('analyticsCall', () => {
  it('turns a query the database refused into 500 ANALYTICS_ERROR, keeping the cause', async () => {
    const db = Object.assign(new Error('division by zero'), { code: '22012' });
    const error = await fail(db).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', reason: 'ANALYTICS_ERROR', cause: db });
  });

  it('lets lost connections and domain errors through to the central mapping', async () => {
    for (const error of [
      Object.assign(new Error('terminating connection'), { code: '57P01' }),
      Object.assign(new Error('connection failure'), { code: '08006' }),
      Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }),
      new AppError('NOT_FOUND', 'gone'),
    ]) {
      expect(await fail(error).catch((e) => e)).toBe(error);
    }
  });
});
