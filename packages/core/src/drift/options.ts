import { parseChoiceText, parseListText, parseNumberText, parseProbabilityText } from '../shared/parse-input.js';
import type { Correction } from '../stats/correction.js';

export type NumericEffect = 'wasserstein' | 'psi' | 'ks';
export type CategoricalEffect = 'jensen-shannon' | 'cramers-v';
export type FailOn = 'drift' | 'critical' | 'never';

/** Everything that decides a drift verdict. Defaults are documented in actions/check-drift/README.md. */
export interface DriftOptions {
  /** Family-wise significance level. */
  alpha: number;
  correction: Correction;
  numericEffect: NumericEffect;
  minNumericEffect: number;
  categoricalEffect: CategoricalEffect;
  minCategoricalEffect: number;
  /** Smallest absolute change in a column's missing rate that counts as drift. */
  minMissingChange: number;
  include: string[];
  ignore: string[];
  categorical: string[];
  failOn: FailOn;
}

export const DEFAULT_DRIFT_OPTIONS: DriftOptions = {
  alpha: 0.05,
  correction: 'holm',
  numericEffect: 'wasserstein',
  minNumericEffect: 0.1,
  categoricalEffect: 'jensen-shannon',
  minCategoricalEffect: 0.1,
  minMissingChange: 0.02,
  include: [],
  ignore: [],
  categorical: [],
  failOn: 'drift',
};

/**
 * Raw option values as the user typed them, keyed by the action input name (the CLI uses the
 * same names as flags). Empty or missing values take the default.
 */
export type RawDriftOptions = Partial<
  Record<
    | 'significance-level'
    | 'correction'
    | 'numeric-effect'
    | 'min-numeric-effect'
    | 'categorical-effect'
    | 'min-categorical-effect'
    | 'min-missing-change'
    | 'columns'
    | 'ignore-columns'
    | 'categorical-columns'
    | 'fail-on',
    string | undefined
  >
>;

export function parseDriftOptions(raw: RawDriftOptions): DriftOptions {
  const d = DEFAULT_DRIFT_OPTIONS;
  const text = (name: keyof RawDriftOptions) => raw[name]?.trim() || undefined;
  const number = (name: keyof RawDriftOptions, fallback: number, max?: number) => {
    const t = text(name);
    return t === undefined ? fallback : parseNumberText(t, name, 0, max);
  };
  const choice = <T extends string>(name: keyof RawDriftOptions, fallback: T, choices: readonly T[]) => {
    const t = text(name);
    return t === undefined ? fallback : (parseChoiceText(t, name, choices) as T);
  };
  const level = text('significance-level');
  return {
    alpha: level === undefined ? d.alpha : parseProbabilityText(level, 'significance-level'),
    correction: choice('correction', d.correction, ['holm', 'bonferroni', 'fdr_bh', 'none']),
    numericEffect: choice('numeric-effect', d.numericEffect, ['wasserstein', 'psi', 'ks']),
    minNumericEffect: number('min-numeric-effect', d.minNumericEffect),
    categoricalEffect: choice('categorical-effect', d.categoricalEffect, ['jensen-shannon', 'cramers-v']),
    minCategoricalEffect: number('min-categorical-effect', d.minCategoricalEffect, 1),
    minMissingChange: number('min-missing-change', d.minMissingChange, 1),
    include: parseListText(raw.columns ?? ''),
    ignore: parseListText(raw['ignore-columns'] ?? ''),
    categorical: parseListText(raw['categorical-columns'] ?? ''),
    failOn: choice('fail-on', d.failOn, ['drift', 'critical', 'never']),
  };
}
