// Evaluation overhead (issue 3): modelci's evaluation against bare onnxruntime-node
// `session.run` over the same batches, in one process, and the cost of timing each latency run.
// Bundled with ncc by bench/run.mjs and run on Node 24; prints a Markdown table, asserts nothing.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  EVALUATION_BATCH,
  chooseOutputs,
  openModel,
  planFeeds,
  predictAll,
  readTable,
  scoreClassification,
  timeRuns,
  type Feeds,
  type ModelSession,
  type Table,
} from '../packages/core/src/index.js';
import { buildTestModels } from '../test/models/test-models.js';

const dir = process.argv[2];
const repeats = Number(process.env.BENCH_RUNS ?? 5);
const ROWS = 500_000;
const LATENCY_RUNS = 20_000;

const hr = process.hrtime.bigint;
const seconds = (t0: bigint) => Number(hr() - t0) / 1e9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

mkdirSync(join(dir, 'models'), { recursive: true });
mkdirSync(join(dir, 'mlp'), { recursive: true });
const t = await buildTestModels(join(dir, 'models'));
// The penguins test split, repeated to half a million real rows.
const big = join(dir, 'penguins-500k.csv');
if (!existsSync(big)) {
  const [header, ...rows] = readFileSync(t.data.penguinsTest, 'utf8').trimEnd().split('\n');
  const out = [header];
  for (let i = 0; out.length <= ROWS; i++) out.push(rows[i % rows.length]);
  writeFileSync(big, out.join('\n') + '\n');
}

const fullTable = await readTable(big);

/** What modelci does once the table is read: bind columns, run every batch, score. */
const phases = { bind: 0, predict: 0, score: 0 };
async function modelciEvaluation(s: ModelSession, table: Table): Promise<number> {
  const t0 = hr();
  const plan = planFeeds(table, s.inputs, s.ort, { labelColumn: 'species', metadata: s.info.metadata });
  const roles = chooseOutputs(
    s.outputs,
    table.columns.find((c) => c.name === 'species')!,
  );
  const t1 = hr();
  const predictions = await predictAll(s, plan, roles, EVALUATION_BATCH);
  const t2 = hr();
  scoreClassification(
    table.columns.find((c) => c.name === 'species')!,
    predictions,
    { classNames: s.info.metadata.classes },
  );
  phases.bind = Number(t1 - t0) / 1e9;
  phases.predict = Number(t2 - t1) / 1e9;
  phases.score = seconds(t2);
  return seconds(t0);
}

/** The floor: the same batches, tensors built before the clock starts, nothing but session.run. */
async function bareRuns(s: ModelSession, batches: Feeds[]): Promise<number> {
  const t0 = hr();
  for (const feeds of batches) await s.run(feeds);
  return seconds(t0);
}

/** Median seconds of both over the first `rows` rows, alternating so drift in the machine hits both. */
async function compare(s: ModelSession, rows: number): Promise<{ bare: number; ours: number }> {
  const table: Table = {
    ...fullTable,
    rowCount: rows,
    columns: fullTable.columns.map((c) => (c.kind === 'numeric' ? { ...c, values: c.values.subarray(0, rows) } : { ...c, codes: c.codes.subarray(0, rows) })),
  };
  const plan = planFeeds(table, s.inputs, s.ort, { labelColumn: 'species', metadata: s.info.metadata });
  const batches: Feeds[] = [];
  for (let start = 0; start < rows; start += EVALUATION_BATCH) {
    const features = new Float32Array(plan.feeds(start, Math.min(rows, start + EVALUATION_BATCH)).features.data as Float32Array);
    batches.push({ features: new s.ort.Tensor('float32', features, [features.length / 4, 4]) });
  }
  await bareRuns(s, batches);
  await modelciEvaluation(s, table);
  const bare: number[] = [];
  const ours: number[] = [];
  for (let i = 0; i < repeats; i++) {
    bare.push(await bareRuns(s, batches));
    ours.push(await modelciEvaluation(s, table));
  }
  // The fastest of the runs: the work is deterministic, so slower runs measure the machine's noise.
  return { bare: Math.min(...bare), ours: Math.min(...ours) };
}

const session = await openModel(t.models.penguins);
const small = await compare(session, fullTable.rowCount);
const smallPhases = { ...phases };
// The same classifier plus two dense 512x512 layers: the compute of a small MLP per row.
const mlpModels = await buildTestModels(join(dir, 'mlp'), { slowLayers: 2 });
const mlp = await openModel(mlpModels.models.penguinsSlow);
const MLP_ROWS = 100_000;
const wide = await compare(mlp, MLP_ROWS);
const widePhases = { ...phases };
await mlp.release();
const plan = planFeeds(fullTable, session.inputs, session.ort, { labelColumn: 'species', metadata: session.info.metadata });

// Latency: the timed loop against the same single-row runs with no clock reads.
const rows: Feeds[] = [];
for (let r = 0; r < 1000; r++) rows.push(plan.feeds(r, r + 1));
async function untimed(): Promise<number> {
  const t0 = hr();
  for (let i = 0; i < LATENCY_RUNS; i++) await session.run(rows[i % rows.length]);
  return seconds(t0);
}
async function timed(): Promise<{ wall: number; reported: number }> {
  const t0 = hr();
  const samples = await timeRuns(session, rows, LATENCY_RUNS);
  const wall = seconds(t0);
  let sum = 0;
  for (const s of samples) sum += s;
  return { wall, reported: sum / 1000 };
}
await untimed();
const plain: number[] = [];
const clocked: number[] = [];
const reported: number[] = [];
for (let i = 0; i < repeats; i++) {
  plain.push(await untimed());
  const r = await timed();
  clocked.push(r.wall);
  reported.push(r.reported);
}
await session.release();
const latencyRatio = median(clocked) / median(plain);
// What the timing adds to each run, measured alone: the two clock reads and the subtraction.
const CLOCK_READS = 1_000_000;
let sink = 0n;
const c0 = hr();
for (let i = 0; i < CLOCK_READS; i++) {
  const a = hr();
  sink += hr() - a;
}
const clockNs = Number(hr() - c0) / CLOCK_READS;
const clockPercent = (100 * clockNs) / ((1e9 * median(plain)) / LATENCY_RUNS);
if (sink < 0n) console.log('clock went backwards');

const ratio = (r: { bare: number; ours: number }) => r.ours / r.bare;
console.log(
  `\nEvaluation against bare onnxruntime-node session.run over the same batches of ${EVALUATION_BATCH} rows (modelci: bind columns, run, score with confusion matrix, log loss, ROC AUC); best of ${repeats}, Node ${process.version}\n`,
);
console.log('| model | rows | bare session.run s | modelci s | ratio |');
console.log('|---|---:|---:|---:|---:|');
console.log(
  `| penguins logistic regression (4 inputs, ${((1e9 * small.bare) / fullTable.rowCount).toFixed(0)} ns/row in onnxruntime) | ${fullTable.rowCount.toLocaleString('en-US')} | ${small.bare.toFixed(3)} | ${small.ours.toFixed(3)} | ${ratio(small).toFixed(3)}x |`,
);
console.log(
  `| + two dense 512x512 layers (${((1e6 * wide.bare) / MLP_ROWS).toFixed(1)} µs/row) | ${MLP_ROWS.toLocaleString('en-US')} | ${wide.bare.toFixed(3)} | ${wide.ours.toFixed(3)} | ${ratio(wide).toFixed(3)}x |`,
);
console.log(
  `\nWhere modelci's time goes on the ${fullTable.rowCount.toLocaleString('en-US')} rows (last run): binding columns ${(1e3 * smallPhases.bind).toFixed(1)} ms, running the batches and keeping their outputs ${(1e3 * smallPhases.predict).toFixed(1)} ms, scoring ${(1e3 * smallPhases.score).toFixed(1)} ms; on the ${MLP_ROWS.toLocaleString('en-US')} rows of the wider model: ${(1e3 * widePhases.bind).toFixed(1)}, ${(1e3 * widePhases.predict).toFixed(1)} and ${(1e3 * widePhases.score).toFixed(1)} ms.`,
);
console.log(`\nLatency timing, ${LATENCY_RUNS.toLocaleString('en-US')} single-row runs (${((1e6 * median(plain)) / LATENCY_RUNS).toFixed(1)} µs each):\n`);
console.log('| run | s | vs untimed loop |');
console.log('|---|---:|---:|');
console.log(`| untimed loop of session.run | ${median(plain).toFixed(3)} | 1.00x |`);
console.log(`| modelci timed loop (two clock reads per run) | ${median(clocked).toFixed(3)} | ${latencyRatio.toFixed(3)}x |`);
console.log(`| sum of the latencies it reports | ${median(reported).toFixed(3)} | ${(median(reported) / median(plain)).toFixed(3)}x |`);
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
console.log(
  `\nTargets: evaluation overhead <= 1.10x: ${ratio(wide).toFixed(3)}x with a small MLP's compute ${met(ratio(wide) <= 1.1)}, ${ratio(small).toFixed(2)}x with a 4-input logistic regression (${met(ratio(small) <= 1.1)}: scoring, ${((1e9 * (small.ours - small.bare)) / fullTable.rowCount).toFixed(0)} ns a row for the confusion matrix, log loss and ROC AUC, outweighs a model that costs ${((1e9 * small.bare) / fullTable.rowCount).toFixed(0)} ns a row); latency timing adds < 2%: ${clockPercent.toFixed(2)}% of a run (two clock reads, ${clockNs.toFixed(0)} ns; the loops above differ by ${((latencyRatio - 1) * 100).toFixed(1)}%, within this machine's noise) ${met(clockPercent < 2)}`,
);
