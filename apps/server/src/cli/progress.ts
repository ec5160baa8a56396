/** The CLI's progress bars: on stderr, and still visible when stderr is piped or logged. */
import { SingleBar } from 'cli-progress';

export function progressBar(format: string): SingleBar {
  return new SingleBar({
    format,
    stream: process.stderr,
    hideCursor: true,
    // Piped or logged (no terminal): a line at the start, every 10 s and at the end, instead of
    // nothing (and no blank line after the last: clearing a line is a no-op there).
    noTTYOutput: true,
    notTTYSchedule: 10_000,
    clearOnComplete: !process.stderr.isTTY,
  });
}
