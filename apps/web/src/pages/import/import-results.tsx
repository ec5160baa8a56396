/** Created/updated counts and every rejected row with its file line, code, message and issues. */
import Papa from 'papaparse';
import { Alert } from '../../components/alert';
import { Icon } from '../../components/icons';
import { Stat } from '../../components/stat';
import { formatNumber } from '../../lib/format';
import type { ImportResult } from './use-import-runner';

const SHOWN_ERRORS = 500;

function downloadErrors(result: ImportResult) {
  const csv = Papa.unparse(
    result.errors.map((e) => ({
      line: e.row,
      externalId: e.externalId ?? '',
      code: e.code,
      message: e.message,
      issues: e.issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    })),
  );
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'import-errors.csv';
  a.click();
  URL.revokeObjectURL(url);
}

export function ImportResults({ result, total }: { result: ImportResult; total: number }) {
  const failed = result.errors.length;
  return (
    <div className="stack" data-testid="import-result">
      <div className="stat-row">
        <Stat label="Created" value={formatNumber(result.created)} testId="import-created" />
        <Stat label="Updated" value={formatNumber(result.updated)} testId="import-updated" />
        <Stat
          label="Rejected rows"
          value={formatNumber(failed)}
          valueClassName={failed > 0 ? 'text-red' : undefined}
          testId="import-failed"
        />
        <Stat label="Rows in file" value={formatNumber(total)} />
      </div>
      {result.stopped && (
        <Alert tone="error" title={`The import stopped at line ${formatNumber(result.stopped.atRow)}`}>
          {result.stopped.message} Rows from that line on were not imported; fix the problem and import the file again (rows are matched by
          externalId, so imported rows are updated, not duplicated).
        </Alert>
      )}
      {result.cancelled && (
        <Alert tone="warning" title="Import stopped">
          The remaining rows were not sent.
        </Alert>
      )}
      {failed === 0 && !result.stopped && !result.cancelled && <Alert tone="success" title="All rows imported" />}
      {failed > 0 && (
        <div className="card">
          <div className="card-header">
            <h2>Rejected rows</h2>
            <button type="button" className="btn btn-sm" onClick={() => downloadErrors(result)}>
              <Icon name="file" /> Download as CSV
            </button>
          </div>
          <div className="table-wrap">
            <table className="table table-compact" data-testid="import-errors">
              <thead>
                <tr>
                  <th>Line</th>
                  <th>External id</th>
                  <th>Code</th>
                  <th>Problem</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.slice(0, SHOWN_ERRORS).map((e) => (
                  <tr key={`${e.row}-${e.code}`}>
                    <td className="num">{e.row}</td>
                    <td className="mono">{e.externalId ?? <span className="muted">—</span>}</td>
                    <td>
                      <code>{e.code}</code>
                    </td>
                    <td>
                      <div>{e.message}</div>
                      {e.issues.length > 0 && (
                        <ul className="issue-list">
                          {e.issues.map((i) => (
                            <li key={`${i.path}:${i.message}`}>
                              {i.path && <code>{i.path}</code>} {i.message}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {failed > SHOWN_ERRORS && (
            <div className="card-body muted small">
              Showing the first {SHOWN_ERRORS} of {formatNumber(failed)} rejected rows; download the CSV for all of them.
            </div>
          )}
        </div>
      )}
    </div>
  );
}
