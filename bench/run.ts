/** `npm run bench -- <scenario…>`: customers, ingest, journey, get, scores, analytics, segments (default: all). */
import { benchAnalytics } from './analytics';
import { benchCustomers } from './customers';
import { benchGet } from './get';
import { benchIngest } from './ingest';
import { benchJourney } from './journey';
import { benchScores } from './scores';
import { benchSegments } from './segments';

const SCENARIOS: Record<string, () => Promise<void>> = {
  customers: benchCustomers,
  ingest: benchIngest,
  journey: benchJourney,
  get: benchGet,
  scores: benchScores,
  analytics: benchAnalytics,
  segments: benchSegments,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(SCENARIOS);
for (const name of names) {
  const scenario = SCENARIOS[name];
  if (!scenario) {
    console.error(`unknown scenario "${name}" (known: ${Object.keys(SCENARIOS).join(', ')})`);
    process.exit(2);
  }
  console.log(`\n## ${name} — ${new Date().toISOString()}`);
  await scenario();
}
process.exit(0);
