/**
 * What meets the retrain policy, from what one run found: dataset drift in the last window (the
 * newest data, not windows an earlier run already acted on), a live accuracy below the gated one,
 * prediction drift. Pure: the dispatch itself is requestRetrain's.
 */
import { logText } from '../shared/log-text.js';
import type { LiveQuality, PredictionDrift, WindowDrift } from './monitor-report.js';

export type RetrainTrigger = 'drift' | 'degradation' | 'prediction-drift';
export const RETRAIN_TRIGGERS: readonly RetrainTrigger[] = ['drift', 'degradation', 'prediction-drift'];

export interface Findings {
  lastWindow?: WindowDrift;
  quality?: LiveQuality;
  prediction?: PredictionDrift;
}

/** One sentence per trigger met, in the policy's order; empty when none is. */
export function retrainReasons(policy: readonly RetrainTrigger[], f: Findings): string[] {
  const out: string[] = [];
  for (const t of policy) {
    if (t === 'drift' && f.lastWindow?.drifted) {
      out.push(
        `dataset drift in the window ${f.lastWindow.start} to ${f.lastWindow.end}: ${f.lastWindow.driftedFeatures.map(logText).join(', ')} (${(f.lastWindow.driftShare * 100).toFixed(0)}% of features)`,
      );
    }
    if (t === 'degradation' && f.quality?.degraded) out.push(`live accuracy degraded: ${f.quality.summary}`);
    if (t === 'prediction-drift' && f.prediction?.drifted) out.push(`prediction drift: ${f.prediction.summary}`);
  }
  return out;
}
