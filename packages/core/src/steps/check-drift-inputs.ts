/** The inputs of check-drift: the action's input list, the CLI's flags and help come from here (CI checks action.yml against it). */
import type { InputSpec } from '../shared/input-spec.js';

export const CHECK_DRIFT_INPUTS = [
  {
    name: 'reference',
    type: 'path',
    required: true,
    what: 'a profile (.json) or reference data (file, directory or glob)',
    description:
      'Reference: a profile JSON made by `modelci profile` or this action (the seed format {"features": ...} works too), or reference data: a CSV/TSV/JSONL/Parquet file, a directory or a glob.',
  },
  {
    name: 'current',
    type: 'path',
    required: true,
    what: 'the data to check (file, directory or glob)',
    description: 'The data to check: a CSV/TSV/JSONL/Parquet file, a directory or a glob (all matching files are read as one table).',
  },
  {
    name: 'schema',
    type: 'path',
    description:
      'Optional data contract JSON: {"columns": {"name": {"type": "numeric|categorical", "required", "nullable", "min", "max", "allowed"}}}. Breaches are critical.',
  },
  {
    name: 'delimiter',
    type: 'string',
    description:
      'Field delimiter of delimited text files, one character (e.g. ";" or "|"; "\\t" for a tab). Default: "," for .csv, tab for .tsv/.tab, sniffed for .txt.',
  },
  {
    name: 'significance-level',
    type: 'probability',
    default: '0.05',
    description: 'Family-wise significance level: with no drift, the whole check raises a false alarm at most this often.',
  },
  {
    name: 'correction',
    type: 'choice',
    choices: ['holm', 'bonferroni', 'fdr_bh', 'none'],
    default: 'holm',
    description: 'Multiple-testing correction across all features: holm, bonferroni, fdr_bh or none.',
  },
  {
    name: 'numeric-effect',
    type: 'choice',
    choices: ['wasserstein', 'psi', 'ks'],
    default: 'wasserstein',
    description:
      'Effect size that decides for numeric features: wasserstein (in reference standard deviations), psi (on reference deciles) or ks (the KS statistic D).',
  },
  { name: 'min-numeric-effect', type: 'number', default: '0.1', description: 'Smallest numeric effect size that counts as drift (with a significant test).' },
  {
    name: 'categorical-effect',
    type: 'choice',
    choices: ['jensen-shannon', 'cramers-v'],
    default: 'jensen-shannon',
    description: 'Effect size that decides for categorical features: jensen-shannon (distance, base 2) or cramers-v.',
  },
  {
    name: 'min-categorical-effect',
    type: 'number',
    default: '0.1',
    description: 'Smallest categorical effect size that counts as drift (with a significant test).',
  },
  {
    name: 'min-missing-change',
    type: 'number',
    default: '0.02',
    description: "Smallest absolute change in a column's missing rate that counts as drift (with a significant test).",
  },
  { name: 'columns', type: 'list', description: 'Only check these columns (comma- or newline-separated). Default: all reference columns.' },
  { name: 'ignore-columns', type: 'list', description: 'Columns to skip (comma- or newline-separated), e.g. ids and timestamps.' },
  { name: 'categorical-columns', type: 'list', description: 'Columns to read as categorical even though they hold numbers (codes, zip codes).' },
  {
    name: 'fail-on',
    type: 'choice',
    choices: ['drift', 'critical', 'never'],
    default: 'drift',
    description: 'What fails the step: drift (any drifted feature or critical schema problem), critical (schema problems only) or never.',
  },
  { name: 'report-path', type: 'path', default: 'modelci-drift-report.json', description: 'Where to write the DriftReport JSON (modelci/drift-report@1).' },
  { name: 'profile-path', type: 'path', description: 'If set, also write a profile JSON here, to use as the next reference.' },
  {
    name: 'profile-of',
    type: 'choice',
    choices: ['current', 'reference'],
    default: 'current',
    description: 'Which data the profile describes: current or reference.',
  },
] as const satisfies readonly InputSpec[];

/** `modelci profile`: a CLI command only (the action writes a profile with profile-path). */
export const PROFILE_INPUTS = [
  {
    name: 'data',
    type: 'path',
    required: true,
    what: 'the data to profile (file, directory or glob)',
    description: 'The data to profile: a CSV/TSV/JSONL/Parquet file, a directory or a glob.',
  },
  { name: 'out', type: 'path', required: true, what: 'the path of the profile JSON to write', description: 'Where to write the profile JSON.' },
  ...CHECK_DRIFT_INPUTS.filter((s) => ['columns', 'ignore-columns', 'categorical-columns', 'delimiter'].includes(s.name)),
] as const satisfies readonly InputSpec[];
