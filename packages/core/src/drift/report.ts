import type { DriftOptions } from './options.js';

export const DRIFT_REPORT_SCHEMA = 'modelci/drift-report@1';

export type FeatureStatus = 'ok' | 'drift' | 'critical' | 'skipped' | 'new';

/** The distribution test of one feature, before and after the multiple-testing correction. */
export interface FeatureTest {
  name: 'ks' | 'chi2';
  statistic: number;
  pValue: number;
  /** Corrected for the number of tests in the family (all features, distribution and missing rate). */
  pAdjusted: number;
  /** 'exact' or 'asymp' for KS, as scipy.stats.ks_2samp(method="auto") chooses. */
  method?: 'exact' | 'asymp';
  dof?: number;
  /** False when the reference came from a quantile sketch: then pValueRange bounds the exact value. */
  exact: boolean;
  pValueRange?: [number, number];
}

export interface FeatureEffect {
  name: 'wasserstein' | 'psi' | 'ks' | 'jensen-shannon' | 'cramers-v';
  value: number;
  threshold: number;
  /** How far the effect size can be from the exact one when the reference is a sketch. */
  errorBound?: number;
}

export interface MissingRate {
  reference: number | null;
  current: number;
  change: number | null;
  pValue?: number;
  pAdjusted?: number;
  drifted: boolean;
}

export interface FeatureResult {
  name: string;
  kind: 'numeric' | 'categorical';
  status: FeatureStatus;
  /** One sentence, with the numbers behind the status. */
  reason: string;
  test?: FeatureTest;
  effect?: FeatureEffect;
  /** Every effect size computed, by name, for people who gate on another. */
  effects: Record<string, number>;
  missing?: MissingRate;
  reference: SideSummary;
  current: SideSummary;
  newCategories?: { name: string; count: number }[];
  /** How the distribution moved: quantiles (numeric) or the largest categories' shares (categorical). */
  movement?: Movement;
  /** 'epoch-ms': a date/time column, reported by its range, not tested; min and max are instants. */
  unit?: 'epoch-ms';
}

export interface Movement {
  /** Numeric: the quantile levels and each side's quantiles at them. */
  quantiles?: { levels: number[]; reference: number[]; current: number[] };
  /** Categorical: the categories whose share moved most, with each side's share. */
  shares?: { category: string; reference: number; current: number }[];
}

export interface SideSummary {
  rows: number;
  count: number;
  mean?: number;
  std?: number;
  min?: number;
  max?: number;
  categories?: number;
}

/** A problem with the shape of the data rather than its distribution. */
export interface SchemaFinding {
  severity: 'critical' | 'notice';
  column: string;
  message: string;
  file?: string;
  line?: number;
}

export interface DriftReport {
  schema: typeof DRIFT_REPORT_SCHEMA;
  createdAt: string;
  reference: { origin: 'data' | 'profile' | 'seed-profile'; files: string[]; rows: number };
  current: { files: string[]; rows: number };
  options: DriftOptions;
  verdict: {
    /** True when the step should fail under options.failOn. */
    failed: boolean;
    drifted: boolean;
    critical: boolean;
    driftedFeatures: string[];
    criticalFeatures: string[];
    /** Drifted features over features tested. */
    driftShare: number;
    testedFeatures: number;
    summary: string;
  };
  features: FeatureResult[];
  findings: SchemaFinding[];
}
