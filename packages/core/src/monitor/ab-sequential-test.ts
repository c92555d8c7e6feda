/**
 * Champion against challenger on live traffic, looked at every hour by a scheduled job: a test
 * that stays valid however often it is looked at. It is the mixture sequential probability ratio
 * test (mSPRT, Johari et al. 2017) for the difference of two proportions, on the normal
 * approximation of that difference, with a normal mixing prior of scale tau on the effect:
 *
 *   Lambda = sqrt(s² / (s² + tau²)) · exp(tau² d² / (2 s² (s² + tau²))),  d = pB - pA,
 *   s² = pA(1 - pA)/nA + pB(1 - pB)/nB
 *
 * Lambda is a nonnegative martingale under "no difference", so by Ville's inequality it ever
 * exceeds 1/alpha with probability at most alpha: a winner called at any look is wrong at most
 * alpha of the time. Inverting it gives a confidence sequence for d, valid at every look.
 */
import { wilsonInterval } from '../stats/proportion-interval.js';

export interface ArmCounts {
  name: string;
  successes: number;
  total: number;
}

export type AbDecision = 'winner' | 'no-difference' | 'keep-collecting';

export interface AbComparison {
  decision: AbDecision;
  /** The better arm, when decision is winner. */
  winner?: string;
  /** pB - pA. */
  difference: number;
  /** Anytime-valid (1 - alpha) confidence sequence for the difference, at this look. */
  interval: [number, number];
  /** Relative lift of B over A: (pB - pA) / pA. */
  lift: number | null;
  /** The mixture likelihood ratio; the winner is called when it reaches 1 / alpha. */
  likelihoodRatio: number;
  alpha: number;
  rates: { name: string; rate: number; total: number; interval: [number, number] }[];
  /** One sentence with the numbers. */
  summary: string;
}

export interface AbOptions {
  /** Chance of calling a winner when there is no difference, across all looks. */
  alpha?: number;
  /** Differences smaller than this (absolute, in rate) do not matter: inside it is "no difference". */
  minEffect?: number;
  /** Scale of the mixing prior on the difference; about the effect you expect. */
  tau?: number;
}

export function compareArms(a: ArmCounts, b: ArmCounts, options: AbOptions = {}): AbComparison {
  const alpha = options.alpha ?? 0.05;
  const minEffect = options.minEffect ?? 0.01;
  const tau = options.tau ?? Math.max(minEffect, 0.01);
  const pA = a.total > 0 ? a.successes / a.total : 0;
  const pB = b.total > 0 ? b.successes / b.total : 0;
  const d = pB - pA;
  // Variance of d; a floor keeps an all-success or all-failure arm from claiming certainty.
  const floor = (n: number) => 1 / (4 * Math.max(n, 1) ** 2);
  const s2 = a.total > 0 && b.total > 0 ? Math.max((pA * (1 - pA)) / a.total + (pB * (1 - pB)) / b.total, floor(a.total) + floor(b.total)) : Infinity;
  const t2 = tau * tau;
  const likelihoodRatio = Number.isFinite(s2) ? Math.sqrt(s2 / (s2 + t2)) * Math.exp((t2 * d * d) / (2 * s2 * (s2 + t2))) : 1;
  const half = Number.isFinite(s2) ? Math.sqrt(((s2 * (s2 + t2)) / t2) * (Math.log((s2 + t2) / s2) + 2 * Math.log(1 / alpha))) : Infinity;
  const interval: [number, number] = [Math.max(-1, d - half), Math.min(1, d + half)];
  let decision: AbDecision = 'keep-collecting';
  if (likelihoodRatio >= 1 / alpha) decision = 'winner';
  else if (interval[0] > -minEffect && interval[1] < minEffect) decision = 'no-difference';
  const winner = decision === 'winner' ? (d > 0 ? b.name : a.name) : undefined;
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const ci = `[${pct(interval[0])}, ${pct(interval[1])}]`;
  const summary =
    decision === 'winner'
      ? `${winner} wins: ${b.name} ${pct(pB)} vs ${a.name} ${pct(pA)}, difference ${pct(d)} (${Math.round((1 - alpha) * 100)}% anytime-valid interval ${ci}, likelihood ratio ${likelihoodRatio.toPrecision(3)} ≥ ${1 / alpha}).`
      : decision === 'no-difference'
        ? `No difference that matters: ${b.name} ${pct(pB)} vs ${a.name} ${pct(pA)}; the ${Math.round((1 - alpha) * 100)}% anytime-valid interval ${ci} lies within ±${pct(minEffect)}.`
        : `Keep collecting: ${b.name} ${pct(pB)} vs ${a.name} ${pct(pA)} (${a.total + b.total} observations); the ${Math.round((1 - alpha) * 100)}% anytime-valid interval ${ci} neither excludes 0 nor lies within ±${pct(minEffect)}.`;
  return {
    decision,
    winner,
    difference: d,
    interval,
    lift: pA > 0 ? d / pA : null,
    likelihoodRatio,
    alpha,
    rates: [a, b].map((arm) => ({
      name: arm.name,
      rate: arm.total > 0 ? arm.successes / arm.total : 0,
      total: arm.total,
      interval: arm.total > 0 ? wilsonInterval(arm.successes, arm.total) : ([0, 1] as [number, number]),
    })),
    summary,
  };
}
