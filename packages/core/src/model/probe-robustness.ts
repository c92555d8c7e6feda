/**
 * How the model behaves off the happy path: all-zero rows, extreme values, NaN inputs, the same
 * input twice, and NaN outputs on ordinary rows. The last two fail the evaluation (a model that
 * is not repeatable or breaks on clean data must not ship); the probes are reported and gateable.
 */
import type { FeedPlan } from './input-mapping.js';
import type { Feeds, ModelSession, Outputs } from './model-session.js';
import type { RawPredictions } from './predict.js';

export interface RobustnessCheck {
  name: 'finite_outputs' | 'deterministic' | 'zero_input' | 'extreme_input' | 'nan_input';
  /** true/false for a pass or failure; null when the probe could not run (e.g. no numeric input). */
  passed: boolean | null;
  /** fail: blocks shipping; warn: an annotation; info: reported only. */
  severity: 'fail' | 'warn' | 'info';
  detail: string;
}

/** Rows run twice for the determinism check. */
export const DETERMINISM_ROWS = 256;
export const EXTREME_VALUE = 1e6;

export async function probeRobustness(session: ModelSession, plan: FeedPlan, fetch: string[], predictions: RawPredictions): Promise<RobustnessCheck[]> {
  return [
    finiteOutputs(plan, predictions),
    await deterministic(session, plan, fetch),
    await probe(session, fetch, 'zero_input', 'warn', [0], plan),
    await probe(session, fetch, 'extreme_input', 'warn', [EXTREME_VALUE, -EXTREME_VALUE], plan),
    await probe(session, fetch, 'nan_input', 'info', [NaN], plan),
  ];
}

function finiteOutputs(plan: FeedPlan, predictions: RawPredictions): RobustnessCheck {
  let bad = 0;
  let first = -1;
  let complete = 0;
  for (let r = 0; r < predictions.rows; r++) {
    if (plan.rowHasMissing[r]) continue;
    complete++;
    if (predictions.nonFinite[r]) {
      bad++;
      if (first < 0) first = r;
    }
  }
  const missingNote = plan.missingRows > 0 ? ` (${plan.missingRows} rows with missing inputs not counted)` : '';
  return bad === 0
    ? { name: 'finite_outputs', passed: true, severity: 'fail', detail: `All ${complete} rows with complete inputs gave finite outputs${missingNote}.` }
    : {
        name: 'finite_outputs',
        passed: false,
        severity: 'fail',
        detail: `${bad} of ${complete} rows with complete, finite inputs gave NaN or infinite outputs (the first is row ${first + 1} of the test data)${missingNote}.`,
      };
}

async function deterministic(session: ModelSession, plan: FeedPlan, fetch: string[]): Promise<RobustnessCheck> {
  const rows = Math.min(plan.rowCount, plan.fixedBatch ?? DETERMINISM_ROWS);
  const first = await session.run(plan.feeds(0, rows), fetch);
  const second = await session.run(plan.feeds(0, rows), fetch);
  for (const name of fetch) {
    const a = first[name].data;
    const b = second[name].data;
    for (let i = 0; i < a.length; i++) {
      if (!Object.is(a[i], b[i])) {
        const width = a.length / rows;
        return {
          name: 'deterministic',
          passed: false,
          severity: 'fail',
          detail: `The same ${rows} rows gave different outputs on a second run: output '${name}' of row ${Math.floor(i / width) + 1} was ${String(a[i])}, then ${String(b[i])}.`,
        };
      }
    }
  }
  return { name: 'deterministic', passed: true, severity: 'fail', detail: `The same ${rows} rows gave bit-identical outputs twice.` };
}

async function probe(
  session: ModelSession,
  fetch: string[],
  name: RobustnessCheck['name'],
  severity: RobustnessCheck['severity'],
  fills: number[],
  plan: FeedPlan,
): Promise<RobustnessCheck> {
  const label = fills.map(formatFill).join(' and ');
  const results: string[] = [];
  let finite = true;
  for (const fill of fills) {
    const feeds: Feeds | undefined = plan.filledRow(fill);
    if (!feeds) return { name, passed: null, severity, detail: `Not probed: the model has no numeric input to fill with ${label}.` };
    let outputs: Outputs;
    try {
      outputs = await session.run(feeds, fetch);
    } catch (e) {
      const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      return { name, passed: false, severity, detail: `A row of ${formatFill(fill)} makes onnxruntime fail: ${why}.` };
    }
    const bad = fetch.filter((o) => !allFinite(outputs[o].data));
    if (bad.length > 0) finite = false;
    results.push(
      bad.length === 0
        ? `a row of ${formatFill(fill)} gives finite outputs`
        : `a row of ${formatFill(fill)} gives NaN or infinite ${bad.map((o) => `'${o}'`).join(', ')}`,
    );
  }
  const detail = results.join('; ');
  return { name, passed: finite, severity, detail: detail.charAt(0).toUpperCase() + detail.slice(1) + '.' };
}

function allFinite(data: ArrayLike<unknown>): boolean {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (typeof v === 'number' && !Number.isFinite(v)) return false;
  }
  return true;
}

function formatFill(v: number): string {
  return Number.isNaN(v) ? 'NaN' : v === 0 ? 'zeros' : v > 0 ? `+${v.toExponential(0)}` : v.toExponential(0);
}
