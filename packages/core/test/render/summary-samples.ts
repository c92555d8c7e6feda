/**
 * One realistic report of each kind, rendered to the Markdown its job summary shows, built as
 * the render tests build them. Used by the mermaid parse test and (through that test, with
 * MODELCI_SUMMARIES_OUT set) by scripts/render-summaries.mjs, which screenshots them.
 */
import { compareToReference } from '../../src/drift/check-drift.js';
import { DEFAULT_DRIFT_OPTIONS } from '../../src/drift/options.js';
import { referenceFromTable } from '../../src/drift/reference-from-table.js';
import { parseCanaryPolicy, renderDeploymentMarkdown, runRollout } from '../../src/index.js';
import type { ModelVersion } from '../../src/registry/model-version.js';
import { renderDriftMarkdown } from '../../src/render/drift-markdown.js';
import { renderGatesMarkdown } from '../../src/render/gates-markdown.js';
import { renderPrReport } from '../../src/render/pr-report-markdown.js';
import { renderVersionListMarkdown, renderVersionMarkdown } from '../../src/render/registry-markdown.js';
import { renderTrainingMarkdown } from '../../src/render/training-markdown.js';
import type { TrainingRun } from '../../src/training/training-run.js';
import { driftReport, gateVerdict } from '../github/report-fixtures.js';
import { HEALTHY, MemoryRouter, SimClock, SimMetrics } from '../helpers/rollout-sim.js';
import { categorical, numeric, rng, table } from '../helpers/tables.js';
import { penguins, withBaseline } from './gates-samples.js';

const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

/** 24 numeric features (8 shifted), two categoricals (one shifted), 2000 reference and 800 current rows. */
function drift(): string {
  const random = rng(11);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const names = range(24, (i) => (i === 3 ? 'customer_lifetime_value_usd_rolling_90d' : `feature_${i}`));
  const cities = ['SEA', 'LAX', 'JFK', 'ORD', 'ATL', 'DFW'];
  const ref = table(
    ...names.map((n) =>
      numeric(
        n,
        range(2000, () => normal()),
      ),
    ),
    categorical(
      'origin',
      range(2000, () => cities[Math.floor(random() * 6)]),
    ),
    categorical(
      'plan',
      range(2000, () => ['free', 'pro', 'team'][Math.floor(random() * 3)]),
    ),
  );
  const cur = table(
    ...names.map((n, i) =>
      numeric(
        n,
        range(800, () => normal() + (i < 8 ? 0.2 + i * 0.15 : 0)),
      ),
    ),
    categorical(
      'origin',
      range(800, () => (random() < 0.3 ? 'SEA' : cities[Math.floor(random() * 6)])),
    ),
    categorical(
      'plan',
      range(800, () => ['free', 'pro', 'team'][Math.floor(random() * 3)]),
    ),
  );
  return renderDriftMarkdown(compareToReference(referenceFromTable(ref), cur, DEFAULT_DRIFT_OPTIONS));
}

export const VERSION: ModelVersion = {
  schema: 'modelci/model-version@1',
  name: 'penguins',
  version: 7,
  digest: 'sha256:4f1c0a7e2b9d8c6e5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f',
  uri: 'oci://ghcr.io/acme/models/penguins@sha256:4f1c0a7e2b9d8c6e5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f',
  createdAt: '2026-12-01T10:42:17.000Z',
  files: [{ path: 'model.onnx', digest: 'sha256:aa', size: 2_890 }],
  metrics: { rows: 69, size: 2890, nonfinite_outputs: 0, accuracy: 0.971014, macro_f1: 0.962301, log_loss: 0.0912, 'latency.p99': 0.84, roc_auc: 0.9987 },
  provenance: {
    gitSha: '0123456789abcdef0123456789abcdef01234567',
    runUrl: 'https://github.com/acme/models/actions/runs/4242',
    creator: 'octocat',
    gateVerdict: { digest: 'sha256:9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b', passed: true },
    driftReport: { digest: 'sha256:1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b' },
  },
  tags: { dataset: 'penguins-2026-11', framework: 'sklearn' },
  aliases: ['production'],
};

const RUN: TrainingRun = {
  schema: 'modelci/training-run@1',
  command: 'python train.py --epochs 20',
  workingDirectory: '.',
  startedAt: '2026-12-01T00:00:00Z',
  durationMs: 61_000,
  exitCode: 0,
  outcome: 'succeeded',
  gpus: [{ index: 0, uuid: 'GPU-1', name: 'NVIDIA L4', memoryTotalMiB: 23034, memoryFreeMiB: 22000, driver: '550.90.07' }],
  cudaVersion: '12.4',
  cudaVisibleDevices: 'GPU-1',
  telemetry: { intervalMs: 5000, samples: 12, gpus: [{ gpu: 0, samples: 12, meanUtilizationPct: 88, peakMemoryUsedMiB: 9100 }], warnings: [] },
  tracking: { mlflowRunId: 'r1', experimentName: 'ci-abc' },
  gitSha: '0123456789abcdef',
  outputs: [{ path: 'model.onnx', bytes: 2890, sha256: 'ff' }],
  warnings: [],
};

async function canary(canaryErrorRate: number): Promise<string> {
  const clock = new SimClock();
  const router = new MemoryRouter();
  const metrics = new SimMetrics(router, { ...HEALTHY, canaryErrorRate });
  const record = await runRollout(
    parseCanaryPolicy({ steps: '10%, 50%', interval: '30s', 'check-interval': '10s', 'min-requests': '20' }),
    { router, metrics, clock },
    { name: 'penguins', version: '7', gitSha: '0123456789abcdef' },
  );
  return renderDeploymentMarkdown(record);
}

/** Every report kind's summary Markdown, by a file-name-safe name. */
export async function summarySamples(): Promise<Record<string, string>> {
  return {
    'check-drift': drift(),
    'quality-gates-failed': renderGatesMarkdown(penguins()),
    'quality-gates-baseline': renderGatesMarkdown(withBaseline()),
    'register-model': renderVersionMarkdown(VERSION, 'Registered penguins v7', {
      alias: 'production',
      version: 7,
      digest: VERSION.digest,
      previousVersion: 6,
      forced: false,
    }),
    'register-model-list': renderVersionListMarkdown('penguins', [
      { ...VERSION, version: 6, aliases: [], metrics: { accuracy: 0.95, macro_f1: 0.94, 'latency.p99': 0.9, size: 2800 } },
      VERSION,
    ]),
    'canary-promoted': await canary(0.001),
    'canary-rolled-back': await canary(0.2),
    'train-on-gpu': renderTrainingMarkdown(
      RUN,
      range(12, (i) => ({ atMs: i * 5000, gpu: 0, utilizationPct: 70 + ((i * 7) % 25), memoryUsedMiB: 6000 + i * 250 })),
    ),
    'pr-report': renderPrReport({
      drift: driftReport(true),
      gates: gateVerdict(true),
      commit: '0123456789abcdef0123',
      links: [{ label: 'Run summary', url: 'https://github.com/acme/models/actions/runs/42' }],
    }),
  };
}

/** The body of every ```mermaid block of a Markdown document. */
export function mermaidBlocks(md: string): string[] {
  return [...md.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]);
}
