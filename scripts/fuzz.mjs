#!/usr/bin/env node
// Run the build property test long: 10,000 generated articles (FUZZ_RUNS) from a seed
// (FUZZ_SEED, default the test's own). Prints fast-check's minimal counterexample on failure.
//   npm run fuzz                      10,000 cases, default seed
//   FUZZ_SEED=42 FUZZ_RUNS=50000 npm run fuzz
import {spawnSync} from 'node:child_process'

const env = {...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '10000'}
const args = ['vitest', 'run', 'tests/fuzz/build.property.test.ts', ...process.argv.slice(2)]
console.log(`fuzz: ${env.FUZZ_RUNS} cases, seed ${env.FUZZ_SEED ?? '(default)'}`)
const result = spawnSync('npx', args, {stdio: 'inherit', env})
process.exit(result.status ?? 1)
