import fc from 'fast-check';
import { InputError } from '../../src/shared/errors.js';
import { closestName } from '../../src/shared/closest-name.js';
import { evaluateGates, type MetricValue } from '../../src/gates/evaluate-gates.js';
import { legacyGates, parseGates } from '../../src/gates/gate.js';
import { formatQuantity, parseQuantity } from '../../src/shared/quantity.js';

const metrics = new Map<string, MetricValue>([
  ['accuracy', { value: 0.931 }],
  ['accuracy.ci_low', { value: 0.902 }],
  ['macro_f1', { value: 0.88 }],
  ['latency.p99', { value: 84.2, dimension: 'time' }],
  ['size', { value: 612e6, dimension: 'bytes' }],
  ['log_loss', { value: NaN }],
]);
const baseline = new Map<string, MetricValue>([['accuracy', { value: 0.935 }]]);

describe('parseQuantity', () => {
  test.each([
    ['500MB', 500e6, 'bytes'],
    ['1.5GiB', 1.5 * 1024 ** 3, 'bytes'],
    ['100ms', 100, 'time'],
    ['2 s', 2000, 'time'],
    ['250us', 0.25, 'time'],
    ['92%', 0.92, 'ratio'],
    ['0.92', 0.92, undefined],
    ['1e3', 1000, undefined],
    ['-.5', -0.5, undefined],
  ])('%s', (text, value, dimension) => {
    const q = parseQuantity(text);
    expect(q.value).toBeCloseTo(value, 9);
    expect(q.dimension).toBe(dimension);
  });
  test.each(['500 parsecs', 'MB', '', '1.2.3', '10 m'])('%s is refused with a sentence', (text) => {
    expect(() => parseQuantity(text, { input: 'gates' })).toThrow(InputError);
    expect(() => parseQuantity(text, { input: 'gates' })).toThrow('is not a number with a known unit; write e.g. 0.92, 92%, 100ms, 1.5s, 500MB or 1.5GiB.');
  });
  test('formatting round-trips through parsing within 4 significant digits', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e12, noNaN: true }), (bytes) => {
        const back = parseQuantity(formatQuantity(bytes, 'bytes').replace(' ', '')).value;
        expect(Math.abs(back - bytes) / bytes).toBeLessThan(1e-3);
      }),
    );
  });
});

describe('gates', () => {
  test('the multi-line input: comments, units, baseline offsets; a verdict that explains each gate in numbers', () => {
    const gates = parseGates(`
      # quality
      macro_f1 >= 0.9
      accuracy.ci_low >= 90%
      latency.p99 <= 100ms
      size <= 500MB
      accuracy >= baseline.accuracy - 0.01
    `);
    const v = evaluateGates(gates, metrics, { baseline, now: new Date('2026-01-01T00:00:00Z') });
    expect(v.passed).toBe(false);
    expect(v.gates.map((g) => [g.gate, g.passed])).toEqual([
      ['macro_f1 >= 0.9', false],
      ['accuracy.ci_low >= 90%', true],
      ['latency.p99 <= 100ms', true],
      ['size <= 500MB', false],
      ['accuracy >= baseline.accuracy - 0.01', true],
    ]);
    expect(v.gates[0].reason).toBe('macro_f1 = 0.88 fails >= 0.9 by 0.02');
    expect(v.gates[0].margin).toBeCloseTo(-0.02, 12);
    expect(v.gates[2].reason).toBe('latency.p99 = 84.2 ms <= 100 ms');
    expect(v.gates[3].reason).toBe('size = 612 MB fails <= 500 MB by 112 MB');
    expect(v.gates[4].threshold).toBeCloseTo(0.925, 12);
    expect(v.summary).toBe('2 of 5 gates failed: macro_f1 >= 0.9; size <= 500MB.');
    // Built-in checks are counted apart from the gates.
    const checks = [
      { name: 'no collapsed class', passed: false, detail: 'x' },
      { name: 'finite outputs', passed: true, detail: 'y' },
    ];
    const withChecks = evaluateGates(gates, metrics, { baseline, checks });
    expect(withChecks.summary).toBe('2 of 5 gates and 1 of 2 checks failed: macro_f1 >= 0.9; size <= 500MB; no collapsed class.');
    expect(v.schema).toBe('modelci/gate-verdict@1');
  });

  test("the seed pipeline's inputs: min-accuracy, max-latency-p99 (ms), max-model-size", () => {
    const gates = legacyGates({ 'min-accuracy': '0.92', 'max-latency-p99': '100', 'max-model-size': '500MB' });
    expect(gates.map((g) => g.text)).toEqual(['accuracy >= 0.92', 'latency.p99 <= 100ms', 'size <= 500MB']);
    expect(evaluateGates(gates, metrics).gates.map((g) => g.passed)).toEqual([true, true, false]);
  });

  test('a metric that was not measured fails its gate (fail safe)', () => {
    const v = evaluateGates(parseGates('log_loss <= 0.3'), metrics);
    expect(v.passed).toBe(false);
    expect(v.gates[0]).toMatchObject({ actual: null, passed: false, reason: 'log_loss was not measured, so the gate cannot pass.' });
  });

  test('no gates at all is not a pass', () => {
    expect(evaluateGates([], metrics).passed).toBe(false);
  });

  test.each([
    ['acuracy >= 0.9', "Gate 'acuracy >= 0.9' names the metric 'acuracy', which the evaluation does not have; did you mean 'accuracy'?"],
    ['latency.p90 <= 100ms', "did you mean 'latency.p99'?"],
    ['zzzzzzzz >= 1', 'known metrics: accuracy, accuracy.ci_low, latency.p99, log_loss, macro_f1, size.'],
    [
      'size <= 100ms',
      "Gate 'size <= 100ms' compares size, measured in bytes (MB, GiB, ...), with a threshold in time (ms, s); use a unit of bytes (MB, GiB, ...).",
    ],
    ['accuracy >= 90MB', 'compares accuracy, measured in plain numbers (or %), with a threshold in bytes'],
    ['accuracy >= baseline.accuracy - 0.01', "compares with the baseline, but no baseline model or report was given; set the 'baseline' input"],
  ])('%s is refused with one sentence', (text, message) => {
    expect(() => evaluateGates(parseGates(text), metrics)).toThrow(message);
  });

  test('a line that is not a gate names the input and line', () => {
    let error: InputError | undefined;
    try {
      parseGates('accuracy >= 0.9\naccuracy is high');
    } catch (e) {
      error = e as InputError;
    }
    expect(error?.message).toBe(
      "Input 'gates' line 2, 'accuracy is high', is not a gate; write 'metric comparator threshold', e.g. 'accuracy >= 0.92' or 'latency.p99 <= 100ms'.",
    );
    expect(error?.where).toEqual({ input: 'gates', line: 2 });
  });

  test('closestName suggests only near names', () => {
    expect(closestName('F1', ['macro_f1', 'accuracy'])).toBeUndefined();
    expect(closestName('Accuracy', ['macro_f1', 'accuracy'])).toBe('accuracy');
  });
});
