/**
 * `npm run bench`: prints the benchmark tables. Speed is measured here, never in unit tests.
 * Run one group with `npm run bench -- analysis`.
 */
import { cpus } from 'node:os';
import { benchAnalysis } from './analysis.js';
import { benchQueue } from './queue.js';
import { benchServer } from './server.js';
import { benchSimulation } from './simulation.js';
import { benchTournament } from './tournament.js';
import { benchUncertainty } from './uncertainty.js';

const groups: Record<string, () => void | Promise<void>> = {
  analysis: benchAnalysis,
  server: benchServer,
  simulation: benchSimulation,
  tournament: benchTournament,
  queue: benchQueue,
  uncertainty: benchUncertainty,
};
const pick = process.argv.slice(2);
if (pick.includes('--list')) {
  // Loads every group's module (what a broken import would stop) and names the groups.
  console.log(Object.keys(groups).join('\n'));
  process.exit(0);
}
const unknown = pick.filter((p) => !(p in groups));
if (unknown.length > 0) {
  console.error(`unknown bench group: ${unknown.join(', ')} (groups: ${Object.keys(groups).join(', ')})`);
  process.exit(2);
}
console.log(
  `Concord benchmarks — Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'})`,
);
for (const [name, fn] of Object.entries(groups)) if (pick.length === 0 || pick.includes(name)) await fn();
