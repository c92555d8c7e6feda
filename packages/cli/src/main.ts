#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { isInputError, renderDriftMarkdown, renderDriftText, runDriftCheck, runProfile } from '@modelci/core';

const VERSION = '0.1.0';

const HELP = `modelci ${VERSION} — CI/CD for machine-learning models

Usage:
  modelci drift --reference <profile.json|data> --current <data> [options]
  modelci profile <data> --out <profile.json> [--categorical-columns a,b] [--columns ...] [--ignore-columns ...]

Data: CSV, TSV, JSON Lines or Parquet; a file, a directory or a glob (quote it).

drift options (the same names as the check-drift action's inputs):
  --schema <file>                 data contract JSON (required columns, types, ranges)
  --delimiter <c>                 field delimiter of text files (default: ',' for .csv, tab for .tsv)
  --significance-level <p>        family-wise level (default 0.05)
  --correction <m>                holm | bonferroni | fdr_bh | none (default holm)
  --numeric-effect <e>            wasserstein | psi | ks (default wasserstein, in reference SDs)
  --min-numeric-effect <x>        minimum numeric effect size (default 0.1)
  --categorical-effect <e>        jensen-shannon | cramers-v (default jensen-shannon)
  --min-categorical-effect <x>    minimum categorical effect size (default 0.1)
  --min-missing-change <x>        minimum change in a missing rate (default 0.02)
  --columns <a,b>                 check only these columns
  --ignore-columns <a,b>          skip these columns
  --categorical-columns <a,b>     read these columns as categorical
  --fail-on <what>                drift | critical | never (default drift)
  --report-path <file>            DriftReport JSON (default modelci-drift-report.json)
  --profile-path <file>           also write a profile (of the current data, or see --profile-of)
  --profile-of <side>             current | reference (default current)
  --format <f>                    text | markdown | json (default text)

Exit status: 0 no failing drift, 1 drift (per --fail-on), 2 bad input.
`;

const DRIFT_FLAGS = [
  'reference', 'current', 'schema', 'delimiter', 'significance-level', 'correction', 'numeric-effect', 'min-numeric-effect',
  'categorical-effect', 'min-categorical-effect', 'min-missing-change', 'columns', 'ignore-columns',
  'categorical-columns', 'fail-on', 'report-path', 'profile-path', 'profile-of', 'format',
] as const;
const PROFILE_FLAGS = ['out', 'columns', 'ignore-columns', 'categorical-columns', 'delimiter'] as const;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === 'drift') {
    const flags = parse(rest, DRIFT_FLAGS, false).values;
    const format = flags.format ?? 'text';
    if (!['text', 'markdown', 'json'].includes(format)) return usage(`--format is '${format}'; use text, markdown or json.`);
    const outcome = await runDriftCheck(flags);
    const r = outcome.report;
    process.stdout.write(format === 'json' ? JSON.stringify(r, null, 2) + '\n'
      : format === 'markdown' ? renderDriftMarkdown(r) : renderDriftText(r, process.stdout.isTTY === true));
    process.stderr.write(`report: ${outcome.reportPath}${outcome.profilePath ? `, profile: ${outcome.profilePath}` : ''}\n`);
    return r.verdict.failed ? 1 : 0;
  }
  if (command === 'profile') {
    const { values, positionals } = parse(rest, PROFILE_FLAGS, true);
    if (positionals.length !== 1) return usage('give exactly one data path to profile, e.g. modelci profile data/train.csv --out profile.json');
    const { summary } = await runProfile({ ...values, data: positionals[0] });
    process.stdout.write(summary + '\n');
    return 0;
  }
  return usage(`unknown command '${command}'; the commands are drift and profile.`);
}

function parse<K extends string>(args: string[], names: readonly K[], allowPositionals: boolean) {
  const options = Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])) as Record<K, { type: 'string' }>;
  try {
    return parseArgs({ args, options, allowPositionals, strict: true }) as { values: Partial<Record<K, string>>; positionals: string[] };
  } catch (e) {
    throw new UsageError(`${(e as Error).message.replace(/\. To specify.*$/s, '')}; run 'modelci help' for the flags.`);
  }
}

class UsageError extends Error {}

function usage(message: string): number {
  process.stderr.write(`modelci: ${message}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    if (isInputError(e) || e instanceof UsageError) {
      process.exitCode = usage((e as Error).message);
      return;
    }
    process.stderr.write(`modelci: unexpected error, a bug in modelci: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 3;
  },
);
