#!/usr/bin/env node
import { parseArgs } from 'node:util';
import {
  abortOnSignals, isInputError, renderDeploymentMarkdown, renderDeploymentText, rollBackUnfinished, runCanaryDeploy, renderDriftMarkdown, renderDriftText, renderGatesMarkdown, renderGatesText, renderVersionText, runDriftCheck, runList,
  runProfile, runPromote, runQualityGates, runRegister, runResolve,
} from '@modelci/core';

const VERSION = '0.1.0';

const HELP = `modelci ${VERSION} — CI/CD for machine-learning models

Usage:
  modelci drift --reference <profile.json|data> --current <data> [options]
  modelci profile <data> --out <profile.json> [--categorical-columns a,b] [--columns ...] [--ignore-columns ...]
  modelci gates --model <model.onnx> --test-data <data> --label-column <name> --gates <gates> [options]
  modelci gates --report <metrics.json> --gates <gates>
  modelci register --name <name> --model <file|dir> [--metrics <verdict.json>] [--registry <uri>]
  modelci promote --name <name> --version <n|alias> [--alias production] [--force true]
  modelci resolve --name <name> [--version production] [--download <dir>]
  modelci list --name <name>
  modelci canary --router <uri> --metrics <uri> [policy options]
  modelci rollback --router <uri> [--record-path <file>]

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

gates options (the same names as the quality-gates action's inputs):
  --gates <lines>                 one gate per line or ';'-separated: "accuracy >= 0.9; latency.p99 <= 100ms"
  --min-accuracy <x>              shorthand for accuracy >= x
  --max-latency-p99 <ms>          shorthand for latency.p99 <= ms
  --max-model-size <size>         shorthand for size <= size (500MB, 1.5GiB)
  --baseline <model.onnx|.json>   the production model, for baseline.<metric> gates and McNemar's test
  --execution-provider <p>        cpu | cuda (default cpu)
  --onnxruntime-cuda-dir <dir>    folder with onnxruntime's CUDA provider libraries
  --task <t>                      auto | classification | regression (default auto)
  --input-mapping <lines>         "input = col, col" per line (or ';'-separated)
  --features <a,b>                columns of a single [N, F] model input, in order
  --class-names <a,b>             classes in the model's probability-column order
  --prediction-output <name>      output holding the predicted label or value
  --probability-output <name>     output holding class probabilities
  --latency-runs <n>              timed single-row runs (default 1000)
  --warmup-runs <n>               untimed runs first (default 50)
  --batch-size <n>                rows per call for throughput (default 32)
  --delimiter <c>                 field delimiter of text test data
  --verdict-path <file>           GateVerdict JSON (default modelci-gate-verdict.json)
  --format <f>                    text | markdown | json (default text)

registry options (the same names as the register-model action's inputs):
  --registry <uri>                file://./model-registry (default) or a folder
  --metrics <file|list>           GateVerdict / evaluation report JSON, or "accuracy=0.93, f1=0.9"
  --git-sha <sha>                 default: $GITHUB_SHA
  --run-url <url>                 default: this GitHub run
  --tags <k=v,...>                free-form tags
  --gate-verdict <file>           the GateVerdict this version passed (if not given as --metrics)
  --drift-report <file>           the DriftReport of its training data
  --format <f>                    text | json (default text)

canary options (the same names as the canary-deploy action's inputs; defaults as in its README):
  --router <uri>                  haproxy://host:port/<backend>?stable=<s>&canary=<c> | http(s)://lb | command:<script>
  --metrics <uri>                 prometheus+http(s)://host:9090 | http-json+http(s)://host/path
  --metrics-queries <lines>       "requests = …; errors = …; p99 = …" ({{selector}}, {{window}})
  --canary-selector <sel>         default variant="canary"
  --stable-selector <sel>         default variant="stable"
  --initial-weight <w>            default 5%
  --step-weight <w>               default 10%
  --steps <list>                  e.g. "1%, 5%, 25%, 50%" (replaces initial/step weight)
  --max-weight <w>                default 100%
  --interval <d>                  per step, default 5m
  --check-interval <d>            default 30s
  --max-error-rate <r>            default 1%
  --max-latency-p99 <d>           default 150ms ("none" to not check)
  --max-latency-ratio <x>         canary p99 <= x times stable's
  --error-rate-ratio <x>          sequential test: "bad" is x times stable's error rate (default 10)
  --false-rollback-rate <r>       sequential test's false-rollback rate (default 1%)
  --min-requests <n>              default 50
  --failed-checks <n>             default 2
  --metrics-failures <n>          default 3
  --timeout <d>                   default: twice the planned rollout
  --dry-run true                  check router and metrics, move nothing
  --resume <bool>                 default true
  --model-name, --model-version, --git-sha   for the record
  --record-path <file>            DeploymentRecord JSON (default modelci-deployment-record.json)
  --format <f>                    text | markdown | json (default text)

Exit status: 0 passed (no failing drift, gates passed, canary promoted), 1 failed (drift per --fail-on, a gate,
a canary rolled back), 2 bad input.
`;

const DRIFT_FLAGS = [
  'reference', 'current', 'schema', 'delimiter', 'significance-level', 'correction', 'numeric-effect', 'min-numeric-effect',
  'categorical-effect', 'min-categorical-effect', 'min-missing-change', 'columns', 'ignore-columns',
  'categorical-columns', 'fail-on', 'report-path', 'profile-path', 'profile-of', 'format',
] as const;
const GATES_FLAGS = [
  'model', 'test-data', 'label-column', 'report', 'baseline', 'gates', 'min-accuracy', 'max-latency-p99', 'max-model-size',
  'execution-provider', 'onnxruntime-cuda-dir', 'task', 'input-mapping', 'features', 'class-names', 'prediction-output', 'probability-output',
  'latency-runs', 'warmup-runs', 'batch-size', 'delimiter', 'verdict-path', 'format',
] as const;
const REGISTRY_FLAGS = {
  register: ['registry', 'name', 'model', 'metrics', 'git-sha', 'run-url', 'tags', 'gate-verdict', 'drift-report', 'creator', 'format'],
  promote: ['registry', 'name', 'version', 'alias', 'force', 'format'],
  resolve: ['registry', 'name', 'version', 'download', 'format'],
  list: ['registry', 'name', 'format'],
} as const;
const CANARY_FLAGS = [
  'router', 'metrics', 'metrics-queries', 'canary-selector', 'stable-selector', 'initial-weight', 'step-weight', 'steps', 'max-weight',
  'interval', 'check-interval', 'max-error-rate', 'max-latency-p99', 'max-latency-ratio', 'error-rate-ratio', 'false-rollback-rate',
  'min-requests', 'failed-checks', 'metrics-failures', 'timeout', 'dry-run', 'resume', 'model-name', 'model-version', 'git-sha', 'record-path', 'format',
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
  if (command === 'gates') {
    const flags = parse(rest, GATES_FLAGS, false).values;
    const format = flags.format ?? 'text';
    if (!['text', 'markdown', 'json'].includes(format)) return usage(`--format is '${format}'; use text, markdown or json.`);
    const outcome = await runQualityGates({ ...flags, gates: lines(flags.gates), 'input-mapping': lines(flags['input-mapping']) });
    const v = outcome.verdict;
    process.stdout.write(format === 'json' ? JSON.stringify(v, null, 2) + '\n' : format === 'markdown' ? renderGatesMarkdown(v) : renderGatesText(v));
    process.stderr.write(`verdict: ${outcome.verdictPath}\n`);
    return v.passed ? 0 : 1;
  }
  if (command === 'canary' || command === 'rollback') {
    const flags = parse(rest, command === 'canary' ? CANARY_FLAGS : (['router', 'record-path', 'format'] as const), false).values as Partial<Record<(typeof CANARY_FLAGS)[number], string>>;
    const format = flags.format ?? 'text';
    if (!['text', 'markdown', 'json'].includes(format)) return usage(`--format is '${format}'; use text, markdown or json.`);
    let outcome;
    if (command === 'canary') {
      outcome = await runCanaryDeploy({ ...flags, 'metrics-queries': lines(flags['metrics-queries']) }, { signal: abortOnSignals(), log: (line) => process.stderr.write(`${line}\n`) });
    } else {
      outcome = await rollBackUnfinished(flags, 'Rolled back by hand (modelci rollback).');
    }
    const r = outcome.record;
    process.stdout.write(format === 'json' ? JSON.stringify(r, null, 2) + '\n' : format === 'markdown' ? renderDeploymentMarkdown(r) : renderDeploymentText(r));
    process.stderr.write(`record: ${outcome.recordPath}\n`);
    return outcome.passed || (command === 'rollback' && r.state === 'rolled-back') ? 0 : 1;
  }
  if (command in REGISTRY_FLAGS) return registryCommand(command as keyof typeof REGISTRY_FLAGS, rest);
  return usage(`unknown command '${command}'; the commands are drift, profile, gates, register, promote, resolve, list, canary and rollback.`);
}

async function registryCommand(command: keyof typeof REGISTRY_FLAGS, args: string[]): Promise<number> {
  const flags: Record<string, string | undefined> = parse(args, REGISTRY_FLAGS[command] as readonly string[], false).values;
  const json = flags.format === 'json';
  if (flags.format && !['text', 'json'].includes(flags.format)) return usage(`--format is '${flags.format}'; use text or json.`);
  const print = (value: unknown, text: string) => process.stdout.write(json ? JSON.stringify(value, null, 2) + '\n' : text);
  if (command === 'register') {
    const r = await runRegister(flags);
    print({ ...r.version, existing: r.existing, bytesWritten: r.bytesWritten }, renderVersionText(r.version, r.existing ? `${r.version.name} v${r.version.version} already holds this content: nothing registered, 0 bytes written.` : `Registered ${r.version.name} v${r.version.version}.`));
  } else if (command === 'promote') {
    const r = await runPromote(flags);
    if (r.warning) process.stderr.write(`modelci: warning: ${r.warning}\n`);
    print(r.move, renderVersionText(r.version, `${r.move.alias} -> ${r.version.name} v${r.move.version}${r.move.previousVersion !== undefined ? ` (was v${r.move.previousVersion})` : ''}.`));
  } else if (command === 'resolve') {
    const r = await runResolve(flags);
    print({ ...r.version, downloaded: r.files }, renderVersionText(r.version, `${r.version.name} ${flags.version ?? 'production'} is v${r.version.version}${r.files.length > 0 ? `; ${r.files.length} file(s) downloaded and verified` : ''}.`));
  } else {
    const versions = await runList(flags);
    print(versions, versions.map((v) => renderVersionText(v, `v${v.version}`)).join(''));
  }
  return 0;
}

/** A shell makes multi-line flags awkward: ';' separates lines too. */
function lines(v: string | undefined): string | undefined {
  return v?.split(';').join('\n');
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
