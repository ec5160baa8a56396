/** CSV import of customers: pick or drop a file, check the preview, send it in batches. */
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert } from '../../components/alert';
import { ErrorAlert } from '../../components/error-alert';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { Spinner } from '../../components/spinner';
import { mapColumns } from '../../lib/csv-import';
import { formatNumber } from '../../lib/format';
import { useCurrent } from '../../lib/session';
import { FileDrop } from './file-drop';
import { ImportPreview } from './import-preview';
import { ImportProgress } from './import-progress';
import { ImportResults } from './import-results';
import { type ParsedCsv, parseCsv } from './parse-csv';
import { CHUNK_SIZE, useImportRunner } from './use-import-runner';

export default function ImportPage() {
  const { environment, workspace, canWrite } = useCurrent();
  const [parsed, setParsed] = useState<ParsedCsv | null>(null);
  const [parsing, setParsing] = useState(false);
  const [parseError, setParseError] = useState<unknown>(null);
  const { state, run, cancel, reset } = useImportRunner();
  const mappings = useMemo(() => (parsed ? mapColumns(parsed.headers) : []), [parsed]);
  const hasExternalId = mappings.some((m) => m.target.kind === 'profile' && m.target.field === 'externalId');
  const running = state.status === 'running';

  const choose = async (file: File) => {
    reset();
    setParsed(null);
    setParseError(null);
    setParsing(true);
    try {
      setParsed(await parseCsv(file));
    } catch (error) {
      setParseError(error);
    } finally {
      setParsing(false);
    }
  };

  return (
    <div className="stack">
      <PageHeader
        title="Import customers"
        subtitle={`Upsert customers by externalId into ${workspace.name} (${environment.mode}). Rows are sent ${formatNumber(CHUNK_SIZE)} at a time.`}
      />
      {!canWrite && (
        <Alert tone="warning" title="Read-only access">
          Viewers cannot import customers.
        </Alert>
      )}
      <div className="card">
        <div className="card-body stack">
          <FileDrop onFile={choose} disabled={running || parsing || !canWrite} />
          {parsing && (
            <div className="row gap-sm">
              <Spinner /> Reading the file…
            </div>
          )}
          {parseError ? <ErrorAlert error={parseError} /> : null}
        </div>
      </div>
      {parsed && (
        <div className="card">
          <div className="card-header">
            <h2>
              <Icon name="file" /> {parsed.fileName}
            </h2>
            <span className="muted small">
              {formatNumber(parsed.rows.length)} rows · {parsed.headers.length} columns
            </span>
          </div>
          <div className="card-body stack">
            {!hasExternalId && (
              <Alert tone="error" title="No externalId column">
                Every row needs an externalId to be matched and updated on later imports. Add an <code>externalId</code> column.
              </Alert>
            )}
            {parsed.problems.length > 0 && (
              <Alert tone="warning" title={`${formatNumber(parsed.problems.length)} lines could not be read cleanly`}>
                <ul className="issue-list">
                  {parsed.problems.slice(0, 5).map((p) => (
                    <li key={`${p.row}:${p.message}`}>
                      {p.row !== null && <code>line {p.row}</code>} {p.message}
                    </li>
                  ))}
                </ul>
              </Alert>
            )}
            <ImportPreview mappings={mappings} rows={parsed.rows} />
            {state.status === 'running' ? (
              <ImportProgress done={state.done} total={state.total} onCancel={cancel} />
            ) : (
              <div className="row gap-sm">
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={!hasExternalId || parsed.rows.length === 0 || !canWrite}
                  onClick={() => run(parsed.rows, mappings)}
                  data-testid="import-submit"
                >
                  <Icon name="upload" /> Import {formatNumber(parsed.rows.length)} rows
                </button>
                {state.status === 'finished' && (
                  <Link to="/customers" className="btn">
                    View customers
                  </Link>
                )}
              </div>
            )}
          </div>
        </div>
      )}
      {state.status !== 'idle' && state.status !== 'running' && <ImportResults result={state.result} total={state.total} />}
    </div>
  );
}
