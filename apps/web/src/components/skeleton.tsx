/** Loading placeholders shaped like the content they stand for. */
export function SkeletonLine({ width = '100%' }: { width?: string }) {
  return <span className="skeleton" style={{ width }} />;
}

export function SkeletonRows({ rows, columns }: { rows: number; columns: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <tr key={r} className="skeleton-row">
          {Array.from({ length: columns }, (_, c) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <td key={c}>
              <SkeletonLine width={`${45 + ((r * 7 + c * 13) % 45)}%`} />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

export function SkeletonCard({ lines = 4 }: { lines?: number }) {
  return (
    <div className="card" aria-busy="true">
      <div className="card-body stack">
        {Array.from({ length: lines }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <SkeletonLine key={i} width={`${50 + ((i * 17) % 45)}%`} />
        ))}
      </div>
    </div>
  );
}
