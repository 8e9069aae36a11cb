/**
 * `npm run bench`: runs every benchmark and writes bench/results.json. Benchmarks print numbers;
 * they are not timed tests and never fail the build. The npm script bundles this file first, as
 * the app's own build does, so what is measured is the shipped shape of the code (no tsx loader
 * or per-module export getters in the hot path).
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { benchCore } from './core';

const core = benchCore();
const fmt = (n: number) => n.toLocaleString('en-US');
console.log(
  `core pipeline      ${fmt(core.eventsPerSecond)} events/s median of ${core.rounds} rounds, best ${fmt(core.bestEventsPerSecond)} ` +
    `(one core; goal ≥ 200,000 events/s)`,
);

const results = {
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version },
  core,
};
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote bench/results.json');
