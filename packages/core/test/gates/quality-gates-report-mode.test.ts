import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMetricsReport, runQualityGates } from '../../src/index.js';
import { inputError } from '../data/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'modelci-gates-report-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('report mode (the team evaluated the model itself)', () => {
  test('plain {"metrics"} with nested objects and units: gates apply in canonical units', async () => {
    const report = write('plain.json', JSON.stringify({ metrics: { accuracy: 0.93, macro_f1: 0.88, latency: { p99: '12ms', p50: 3 }, size: '450MB' } }));
    const verdictPath = join(dir, 'v1.json');
    const out = await runQualityGates({
      report,
      gates: 'accuracy >= 0.9\nmacro_f1 >= 0.9\nlatency.p99 <= 0.01s',
      'max-model-size': '500MB',
      'verdict-path': verdictPath,
    });
    expect(out.verdict.metrics).toEqual({ accuracy: 0.93, macro_f1: 0.88, 'latency.p99': 12, 'latency.p50': 3, size: 450e6 });
    expect(out.verdict.gates.map((g) => [g.gate, g.passed])).toEqual([
      ['size <= 500MB', true],
      ['accuracy >= 0.9', true],
      ['macro_f1 >= 0.9', false],
      ['latency.p99 <= 0.01s', false],
    ]);
    expect(out.verdict.gates[3].reason).toBe('latency.p99 = 12 ms fails <= 10 ms by 2 ms');
    expect(out.verdict.passed).toBe(false);
    expect(out.outputs.passed).toBe('false');
    expect(JSON.parse(out.outputs['failed-gates'])).toEqual(['macro_f1 >= 0.9', 'latency.p99 <= 0.01s']);
    const written = JSON.parse(readFileSync(verdictPath, 'utf8'));
    expect(written.schema).toBe('modelci/gate-verdict@1');
    expect(written.source).toEqual({ report });
  });

  test('a baseline report enables baseline gates; null means not measured and fails its gate', async () => {
    const report = write('cand.json', JSON.stringify({ metrics: { accuracy: 0.91, roc_auc: null } }));
    const baseline = write('prod.json', JSON.stringify({ metrics: { accuracy: 0.915 } }));
    const out = await runQualityGates({
      report,
      baseline,
      gates: 'accuracy >= baseline.accuracy - 0.01\nroc_auc >= 0.9',
      'verdict-path': join(dir, 'v2.json'),
    });
    expect(out.verdict.gates[0].passed).toBe(true);
    expect(out.verdict.gates[0].threshold).toBeCloseTo(0.905, 12);
    expect(out.verdict.gates[1]).toMatchObject({ passed: false, actual: null, reason: 'roc_auc was not measured, so the gate cannot pass.' });
  });

  test('reads the metrics of an EvaluationReport', async () => {
    const report = write('eval.json', JSON.stringify({ schema: 'modelci/evaluation-report@1', task: 'regression', metrics: { r2: 0.7, mae: 3.1 } }));
    const out = await runQualityGates({ report, gates: 'r2 >= 0.6', 'verdict-path': join(dir, 'v3.json') });
    expect(out.verdict.passed).toBe(true);
  });

  test.each([
    ['[1, 2]', /holds a list, not an object/],
    ['{"accuracy": 0.9}', /has no "metrics" object; write \{"metrics"/],
    ['{"metrics": [0.9]}', /has no "metrics" object \(it is a list\)/],
    ['{"metrics": {}}', /has an empty "metrics" object/],
    ['{"metrics": {"accuracy": true}}', /metrics.accuracy in .* is true; each metric must be a number, null, or a quantity/],
    ['{"metrics": {"latency": {"p99": "fast"}}}', /'fast' in 'metrics.latency.p99 in .*' is not a number with a known unit/],
    ['{"metrics": {"size": "12ms"}}', /metrics.size in .* is '12ms', a time, but size is measured in bytes/],
    ['{"schema": "modelci/drift-report@1", "metrics": {}}', /has schema 'modelci\/drift-report@1', which this modelci does not read/],
    ['{"metrics": {"accuracy": 0.9,}}', /is not valid JSON \(line 1, column \d+\)/],
  ])('a report of the wrong shape (%s): one sentence', async (text, message) => {
    const report = write(`bad-${Math.random().toString(36).slice(2)}.json`, text);
    const error = await inputError(runQualityGates({ report, gates: 'accuracy >= 0.9', 'verdict-path': join(dir, 'never.json') }));
    expect(error.message).toMatch(message);
    expect(error.where.input).toBe('report');
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });

  test('a missing report file says so', async () => {
    const error = await inputError(readMetricsReport(join(dir, 'nope.json')));
    expect(error.message).toMatch(/nope.json does not exist; write the evaluation report first or fix the path/);
  });
});

describe('inputs', () => {
  const report = write('ok.json', JSON.stringify({ metrics: { accuracy: 0.95 } }));
  test.each([
    [{ report, gates: '' }, /No gates were given/],
    [{ report, gates: 'accuracy >= 0.9', model: 'm.onnx' }, /'model' and 'report' were both given/],
    [{ gates: 'accuracy >= 0.9' }, /Input 'model' is required/],
    [{ report, gates: 'accuracy is high' }, /'accuracy is high', is not a gate/],
    [{ report, gates: 'accuracy >= 0.9\nlatency.p99 <= 10 parsecs' }, /'10 parsecs' in 'latency.p99 <= 10 parsecs' is not a number with a known unit/],
    [{ report, gates: 'acuracy >= 0.9' }, /names the metric 'acuracy', which the evaluation does not have; did you mean 'accuracy'\?/],
    [{ report, gates: 'accuracy >= baseline.accuracy' }, /compares with the baseline, but no baseline model or report was given/],
    [{ report, gates: 'accuracy >= 0.9', baseline: 'prod.onnx' }, /with 'report' the baseline must be a report too/],
    [
      { model: 'm.onnx', 'test-data': 'x.csv', 'label-column': 'y', gates: 'macro_f2 >= 0.9' },
      /names the metric 'macro_f2', which the evaluation does not produce; did you mean 'macro_f1'\?/,
    ],
    [
      { model: 'm.onnx', 'test-data': 'x.csv', 'label-column': 'y', gates: 'accuracy >= 0.9', 'execution-provider': 'tpu' },
      /Input 'execution-provider' is 'tpu'; use 'cpu' or 'cuda'/,
    ],
    [
      { model: 'm.onnx', 'test-data': 'x.csv', 'label-column': 'y', gates: 'accuracy >= 0.9', 'latency-runs': '0' },
      /Input 'latency-runs' is '0'; give a whole number of at least 1/,
    ],
    [{ model: 'm.onnx', 'label-column': 'y', gates: 'accuracy >= 0.9' }, /Input 'test-data' is required with 'model'/],
  ])('%j is refused with one sentence', async (req, message) => {
    const error = await inputError(runQualityGates({ ...req, 'verdict-path': join(dir, 'never.json') }));
    expect(error.message).toMatch(message);
    expect(error.message.split(/\.\s+[A-Z]/).length).toBe(1); // one sentence
  });
});
