/** The acquisition window of a cohort page: two UTC dates, `[from, until)`, kept in the URL. */
import { DateWindow } from '../../components/date-window';

export function WindowInputs({
  start,
  end,
  onChange,
}: {
  start?: string;
  end?: string;
  onChange: (changes: { start?: string; end?: string }) => void;
}) {
  return <DateWindow start={start} end={end} onChange={onChange} fromLabel="Acquired from" testIdPrefix="cohort" resetLabel="All time" />;
}
