import { InputError } from '../shared/errors.js';
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
export type RawDriftOptions = Partial<Record<
  | 'significance-level' | 'correction' | 'numeric-effect' | 'min-numeric-effect'
  | 'categorical-effect' | 'min-categorical-effect' | 'min-missing-change'
  | 'columns' | 'ignore-columns' | 'categorical-columns' | 'fail-on', string | undefined>>;

export function parseDriftOptions(raw: RawDriftOptions): DriftOptions {
  const d = DEFAULT_DRIFT_OPTIONS;
  return {
    alpha: parseNumberIn(raw, 'significance-level', d.alpha, 0, 1, 'a probability such as 0.05'),
    correction: parseChoice(raw, 'correction', d.correction, ['holm', 'bonferroni', 'fdr_bh', 'none']),
    numericEffect: parseChoice(raw, 'numeric-effect', d.numericEffect, ['wasserstein', 'psi', 'ks']),
    minNumericEffect: parseNumberIn(raw, 'min-numeric-effect', d.minNumericEffect, 0, Infinity, 'a non-negative number such as 0.1'),
    categoricalEffect: parseChoice(raw, 'categorical-effect', d.categoricalEffect, ['jensen-shannon', 'cramers-v']),
    minCategoricalEffect: parseNumberIn(raw, 'min-categorical-effect', d.minCategoricalEffect, 0, 1, 'a number between 0 and 1 such as 0.1'),
    minMissingChange: parseNumberIn(raw, 'min-missing-change', d.minMissingChange, 0, 1, 'a rate between 0 and 1 such as 0.02'),
    include: parseList(raw.columns),
    ignore: parseList(raw['ignore-columns']),
    categorical: parseList(raw['categorical-columns']),
    failOn: parseChoice(raw, 'fail-on', d.failOn, ['drift', 'critical', 'never']),
  };
}

/** Column lists: comma- or newline-separated, blanks ignored. */
export function parseList(value: string | undefined): string[] {
  if (!value) return [];
  return value.split(/[\n,]/).map((s) => s.trim()).filter((s) => s.length > 0);
}

function parseNumberIn(raw: RawDriftOptions, name: keyof RawDriftOptions, fallback: number,
  lo: number, hi: number, hint: string): number {
  const text = raw[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  const inRange = name === 'significance-level' ? value > lo && value < hi : value >= lo && value <= hi;
  if (!Number.isFinite(value) || !inRange) {
    throw new InputError(`Input '${name}' is '${text}', which is not ${hint}; set it to ${hint} or leave it empty for the default ${fallback}.`, { input: name });
  }
  return value;
}

function parseChoice<T extends string>(raw: RawDriftOptions, name: keyof RawDriftOptions, fallback: T, choices: readonly T[]): T {
  const text = raw[name]?.trim();
  if (!text) return fallback;
  const lower = text.toLowerCase();
  const found = choices.find((c) => c === lower);
  if (!found) {
    throw new InputError(`Input '${name}' is '${text}'; use one of ${choices.map((c) => `'${c}'`).join(', ')} (default '${fallback}').`, { input: name });
  }
  return found;
}
