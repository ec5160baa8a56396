/** Parses a CSV file (header row) with papaparse into rows keyed by the trimmed header names. */
import Papa from 'papaparse';

export interface ParsedCsv {
  fileName: string;
  headers: string[];
  rows: Record<string, string | undefined>[];
  /** Papaparse's row-level problems (wrong field counts, bad quotes), with 1-based file lines. */
  problems: { row: number | null; message: string }[];
}

export function parseCsv(file: File): Promise<ParsedCsv> {
  return new Promise((resolve, reject) => {
    Papa.parse<Record<string, string | undefined>>(file, {
      header: true,
      skipEmptyLines: 'greedy',
      transformHeader: (h) => h.trim(),
      complete: (result) => {
        const headers = (result.meta.fields ?? []).filter((h) => h !== '');
        if (headers.length === 0) {
          reject(new Error('The file has no header row. The first line must name the columns.'));
          return;
        }
        resolve({
          fileName: file.name,
          headers,
          rows: result.data,
          problems: result.errors.map((e) => ({ row: e.row === undefined ? null : e.row + 2, message: e.message })),
        });
      },
      error: (error) => reject(new Error(`Could not read ${file.name}: ${error.message}`)),
    });
  });
}
