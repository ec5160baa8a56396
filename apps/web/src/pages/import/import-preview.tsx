/** The first rows of the file, with where each column goes (profile field or attribute). */
import { Badge } from '../../components/badge';
import type { ColumnMapping } from '../../lib/csv-import';

const PREVIEW_ROWS = 10;

function Target({ mapping }: { mapping: ColumnMapping }) {
  const t = mapping.target;
  if (t.kind === 'profile') return <Badge tone="blue">{t.field}</Badge>;
  if (t.kind === 'attribute')
    return (
      <Badge tone="violet" title="Custom attribute">
        attributes.{t.key}
      </Badge>
    );
  return (
    <Badge tone="gray" title={`Skipped: ${t.reason}`}>
      skipped
    </Badge>
  );
}

export function ImportPreview({ mappings, rows }: { mappings: ColumnMapping[]; rows: Record<string, string | undefined>[] }) {
  return (
    <div className="table-wrap table-scroll-x">
      <table className="table table-compact">
        <thead>
          <tr>
            <th className="muted">Line</th>
            {mappings.map((m) => (
              <th key={m.header}>
                <div className="stack-xs">
                  <span>{m.header}</span>
                  <Target mapping={m} />
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, PREVIEW_ROWS).map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: file rows are identified by position
            <tr key={i}>
              <td className="muted num">{i + 2}</td>
              {mappings.map((m) => (
                <td key={m.header} className="truncate">
                  {row[m.header] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
