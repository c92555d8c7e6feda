/**
 * Is the canary failing more often than the stable version? A sequential probability ratio test
 * (Wald, 1945) that may be looked at after every metrics scrape: its error rates hold at every
 * look, so a clearly bad canary is rolled back after a handful of errors instead of after a
 * fixed window, and a healthy one is not rolled back by chance more often than `alpha`.
 *
 * The test conditions on the errors: with canary and stable serving nc and ns requests, whose
 * error rates are pc and ps, an error comes from the canary with probability
 * q = nc·pc / (nc·pc + ns·ps). H0 (healthy): pc = ps, so q0 = nc / (nc + ns), the canary's share of
 * traffic. H1 (bad): pc = riskRatio·ps. Each window adds ec·ln(q1/q0) + es·ln((1−q1)/(1−q0)) to
 * the log-likelihood ratio; the shares may change from window to window (traffic steps up),
 * which the per-window q0 and q1 absorb. The stable version's own error level cancels out, so a
 * stable version that is itself having a bad day cannot make a bad canary look good, and a
 * canary is not blamed for errors both versions share.
 */

export interface SequentialTestOptions {
  /** Chance of rolling back a healthy canary (the false-rollback rate), e.g. 0.01. */
  alpha: number;
  /**
   * Chance of passing a canary whose error rate is riskRatio times stable's, e.g. 0.05. Leave it
   * out for an open-ended test that never declares a canary healthy and watches the whole
   * rollout: under H0 the likelihood ratio is a martingale, so by Ville's inequality it ever
   * reaches 1/alpha with probability at most alpha, however long it is watched.
   */
  beta?: number;
  /** How many times stable's error rate counts as bad, e.g. 3. */
  riskRatio: number;
}

export interface WindowCounts {
  canaryRequests: number;
  canaryErrors: number;
  stableRequests: number;
  stableErrors: number;
}

export type SequentialDecision = 'continue' | 'healthy' | 'bad';

export interface SequentialState {
  /** Log-likelihood ratio of H1 (bad) against H0 (healthy) so far. */
  llr: number;
  /** ln((1 − beta) / alpha) (ln(1 / alpha) when open-ended): at or above it, the canary is bad. */
  upper: number;
  /** ln(beta / (1 − alpha)): at or below it, the canary is as good as stable. */
  lower: number;
  decision: SequentialDecision;
  windows: number;
  canaryErrors: number;
  stableErrors: number;
}

export function startSequentialTest(options: SequentialTestOptions): SequentialState {
  const { alpha, beta, riskRatio } = options;
  if (!(alpha > 0 && alpha < 0.5) || (beta !== undefined && !(beta > 0 && beta < 0.5)))
    throw new RangeError(`alpha and beta must lie in (0, 0.5); got ${alpha} and ${beta}.`);
  if (!(riskRatio > 1)) throw new RangeError(`riskRatio must exceed 1; got ${riskRatio}.`);
  return beta === undefined
    ? { llr: 0, upper: Math.log(1 / alpha), lower: -Infinity, decision: 'continue', windows: 0, canaryErrors: 0, stableErrors: 0 }
    : { llr: 0, upper: Math.log((1 - beta) / alpha), lower: Math.log(beta / (1 - alpha)), decision: 'continue', windows: 0, canaryErrors: 0, stableErrors: 0 };
}

/**
 * Adds one window of counts. Windows with no traffic on either side carry no evidence and leave
 * the state as it was (never a pass). Once a decision is reached it stays.
 */
export function updateSequentialTest(state: SequentialState, w: WindowCounts, options: SequentialTestOptions): SequentialState {
  if (state.decision !== 'continue') return state;
  const { canaryRequests: nc, canaryErrors: ec, stableRequests: ns, stableErrors: es } = w;
  for (const [name, v] of Object.entries(w)) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`${name} must be a finite count >= 0; got ${v}.`);
  }
  if (ec > nc || es > ns) throw new RangeError(`errors cannot exceed requests (canary ${ec}/${nc}, stable ${es}/${ns}).`);
  if (nc === 0 || ns === 0) return { ...state, windows: state.windows + 1 };
  const q0 = nc / (nc + ns);
  const q1 = (options.riskRatio * nc) / (options.riskRatio * nc + ns);
  const llr = state.llr + ec * Math.log(q1 / q0) + es * Math.log((1 - q1) / (1 - q0));
  const decision: SequentialDecision = llr >= state.upper ? 'bad' : llr <= state.lower ? 'healthy' : 'continue';
  return { ...state, llr, decision, windows: state.windows + 1, canaryErrors: state.canaryErrors + ec, stableErrors: state.stableErrors + es };
}
