/**
 * Sends prepared rows to `customers.batch`, 1,000 file rows per request, one request at a time,
 * and gathers created/updated counts and per-row errors with their file line numbers.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { type BatchCustomer, type ColumnMapping, prepareRow, type RowError, rowNumber } from '../../lib/csv-import';
import { errorCode, errorIssues, errorMessage } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';

export const CHUNK_SIZE = 1000;

export interface ImportResult {
  created: number;
  updated: number;
  errors: RowError[];
  /** Set when a whole request failed and the import stopped there. */
  stopped: { message: string; atRow: number } | null;
  cancelled: boolean;
}

export type ImportState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number; result: ImportResult }
  | { status: 'finished'; total: number; result: ImportResult };

/** A rejected envelope names rows as `customers.<i>.…`: turn those into per-row errors. */
function envelopeErrors(error: unknown, indices: number[]): RowError[] {
  const byRow = new Map<number, RowError>();
  for (const issue of errorIssues(error)) {
    const m = /^customers\.(\d+)(?:\.(.*))?$/.exec(issue.path);
    const dataIndex = m ? indices[Number(m[1])] : undefined;
    if (dataIndex === undefined) continue;
    const entry = byRow.get(dataIndex) ?? {
      row: rowNumber(dataIndex),
      externalId: null,
      code: errorCode(error) ?? 'BAD_REQUEST',
      message: issue.message,
      issues: [],
    };
    entry.issues.push({ path: m?.[2] ?? '', message: issue.message });
    byRow.set(dataIndex, entry);
  }
  return [...byRow.values()];
}

export function useImportRunner() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { mutateAsync: sendBatch } = useMutation(trpc.customers.batch.mutationOptions());
  const { mutate: dropSnapshots } = useMutation(trpc.analytics.dropSnapshots.mutationOptions());
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const cancelRef = useRef(false);

  const run = useCallback(
    async (rows: Record<string, string | undefined>[], mappings: ColumnMapping[]) => {
      cancelRef.current = false;
      const total = rows.length;
      const result: ImportResult = { created: 0, updated: 0, errors: [], stopped: null, cancelled: false };
      setState({ status: 'running', done: 0, total, result: { ...result } });

      for (let offset = 0; offset < total; offset += CHUNK_SIZE) {
        if (cancelRef.current) {
          result.cancelled = true;
          break;
        }
        const customers: BatchCustomer[] = [];
        const indices: number[] = [];
        rows.slice(offset, offset + CHUNK_SIZE).forEach((row, i) => {
          const prepared = prepareRow(row, mappings, offset + i);
          if (prepared.ok) {
            customers.push(prepared.customer);
            indices.push(offset + i);
          } else {
            result.errors.push(prepared.error);
          }
        });
        if (customers.length > 0) {
          try {
            const answer = await sendBatch({ customers });
            result.created += answer.created;
            result.updated += answer.updated;
            for (const e of answer.errors) {
              const dataIndex = indices[e.index] ?? offset + e.index;
              result.errors.push({
                row: rowNumber(dataIndex),
                externalId: customers[e.index]?.externalId ?? null,
                code: e.code,
                message: e.message,
                issues: (e.issues ?? []).map((issue: { path: string; message: string }) => ({ path: issue.path, message: issue.message })),
              });
            }
          } catch (error) {
            result.errors.push(...envelopeErrors(error, indices));
            result.stopped = { message: errorMessage(error), atRow: rowNumber(offset) };
            break;
          }
        }
        const done = Math.min(offset + CHUNK_SIZE, total);
        setState({ status: 'running', done, total, result: { ...result, errors: [...result.errors] } });
      }

      result.errors.sort((a, b) => a.row - b.row);
      setState({ status: 'finished', total, result });
      if (result.created + result.updated > 0) {
        // Cohort answers are cached on the server for up to a minute: drop this environment's, so
        // the next look includes what was imported.
        dropSnapshots(undefined, { onSettled: () => void queryClient.invalidateQueries(trpc.customers.pathFilter()) });
      }
    },
    [sendBatch, dropSnapshots, queryClient, trpc],
  );

  const cancel = useCallback(() => {
    cancelRef.current = true;
  }, []);

  const reset = useCallback(() => setState({ status: 'idle' }), []);

  return { state, run, cancel, reset };
}
