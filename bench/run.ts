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
console.log(
  `Concord benchmarks — Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'})`,
);
for (const [name, fn] of Object.entries(groups)) if (pick.length === 0 || pick.includes(name)) await fn();
