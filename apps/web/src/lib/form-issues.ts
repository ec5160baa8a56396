/** A form checked with the contract's schema: the message of each top-level field it refused. */
import { formatPath } from '@tenure/contract';

interface ParseResult {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}

/** Field name → message (the last issue of a field wins); empty when the parse succeeded. */
export function fieldMessages(parsed: ParseResult): Record<string, string> {
  if (parsed.success || !parsed.error) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [formatPath(i.path.slice(0, 1)), i.message]));
}
