import type { FeatureEffect, FeatureTest, Movement, SideSummary } from './report.js';
import type { MissingRateTest } from './missing-rate.js';

/** One feature compared, before the family-wide correction turns p-values into a verdict. */
export interface FeatureComparison {
  name: string;
  kind: 'numeric' | 'categorical';
  test?: Omit<FeatureTest, 'pAdjusted'>;
  /** The effect size that decides, with its threshold. */
  effect?: FeatureEffect;
  effects: Record<string, number>;
  /** Why the deciding effect is not the configured one, when it is not. */
  effectNote?: string;
  /** How the test or effect was adapted to the data (pooling, bias correction), for the reason. */
  notes?: string[];
  missing: MissingRateTest;
  reference: SideSummary;
  current: SideSummary;
  newCategories?: { name: string; count: number }[];
  movement?: Movement;
  /** 'epoch-ms': a date/time column (min and max are instants). */
  unit?: 'epoch-ms';
  /** Why there is no distribution test, when there is none. */
  untested?: string;
}
