/**
 * packages/core/src/model/metrics against scikit-learn 1.2 and statsmodels, recorded by
 * test/fixtures/sklearn/make_fixtures.py; every number must agree to 1e-9 relative.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  classificationMetrics,
  confusionMatrix,
  logLoss,
  mcnemarTest,
  normalQuantile,
  regressionMetrics,
  rocAuc,
  wilsonInterval,
} from '../../src/model/metrics/index.js';

interface ClassCase {
  name: string;
  labels: string[];
  truth: number[];
  predicted: number[];
  k: number;
  probabilities: number[];
  accuracy: number;
  balancedAccuracy: number;
  macroF1: number;
  confusion: number[][];
  logLoss: number;
  rocAuc?: number;
  perClass: { label: string; precision: number; recall: number; f1: number; support: number }[];
  collapsed: string[];
}
interface Fixture {
  classification: ClassCase[];
  wilson: { successes: number; n: number; confidence: number; interval: [number, number] }[];
  normalQuantile: { p: number; z: number }[];
  mcnemar: { b: number; c: number; statistic: number; pValue: number; exact: boolean }[];
  regression: { truth: number[]; predicted: number[]; mae: number; rmse: number; r2: number };
  regressionConstant: { truth: number[]; predicted: number[]; r2: number }[];
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/sklearn/metrics.json', import.meta.url), 'utf8')) as Fixture;

const REL = 1e-9;
/** |actual - expected| <= 1e-9 |expected| (or 1e-15 absolute when the reference is 0). */
function expectRel(actual: number, expected: number, what: string): void {
  const tol = Math.max(REL * Math.abs(expected), 1e-15);
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: got ${actual}, scikit-learn says ${expected}`);
}

describe('classification metrics match scikit-learn', () => {
  test.each(fixture.classification.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const conf = confusionMatrix(c.truth, c.predicted, c.labels);
    expect(conf.matrix).toEqual(c.confusion);
    expect(conf.n).toBe(c.truth.length);
    const m = classificationMetrics(conf);
    expectRel(m.accuracy, c.accuracy, 'accuracy');
    expectRel(m.balancedAccuracy, c.balancedAccuracy, 'balancedAccuracy');
    expectRel(m.macroF1, c.macroF1, 'macroF1');
    expect(m.perClass.map((p) => p.label)).toEqual(c.perClass.map((p) => p.label));
    m.perClass.forEach((p, i) => {
      const ref = c.perClass[i];
      expectRel(p.precision, ref.precision, `precision ${p.label}`);
      expectRel(p.recall, ref.recall, `recall ${p.label}`);
      expectRel(p.f1, ref.f1, `f1 ${p.label}`);
      expect(p.support).toBe(ref.support);
    });
    expect(m.collapsed).toEqual(c.collapsed);
    const proba = Float64Array.from(c.probabilities);
    expectRel(logLoss(c.truth, proba, c.k), c.logLoss, 'logLoss');
    if (c.rocAuc !== undefined) expectRel(rocAuc(c.truth, proba, c.k), c.rocAuc, 'rocAuc');
    else expect(() => rocAuc(c.truth, proba, c.k)).toThrow('the AUC for it is undefined');
  });

  test('the collapsed fixture really has a never-predicted class, scored with zero_division=0', () => {
    const c = fixture.classification[0];
    const m = classificationMetrics(confusionMatrix(c.truth, c.predicted, c.labels));
    expect(m.collapsed).toEqual(['fish']);
    const fish = m.perClass.find((p) => p.label === 'fish');
    expect(fish).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(fish?.support).toBeGreaterThan(0);
  });

  test('a label seen in neither truth nor predictions is left out of the macro average', () => {
    const m = classificationMetrics(confusionMatrix([0, 1, 1], [0, 1, 0], ['a', 'b', 'c']));
    expect(m.perClass.map((p) => p.label)).toEqual(['a', 'b']);
    expect(m.macroF1).toBeCloseTo((2 / 3 + 2 / 3) / 2, 15);
    expect(m.collapsed).toEqual([]);
  });

  test('a class predicted but never true gets precision 0 and recall 0 (zero_division=0), and is not collapsed', () => {
    const m = classificationMetrics(confusionMatrix([0, 0], [0, 1], ['a', 'b']));
    expect(m.perClass[1]).toEqual({ label: 'b', precision: 0, recall: 0, f1: 0, support: 0 });
    expect(m.balancedAccuracy).toBe(0.5);
    expect(m.collapsed).toEqual([]);
  });

  test('no rows, mismatched lengths and bad label indices are errors that say so', () => {
    expect(() => confusionMatrix([], [], ['a', 'b'])).toThrow(Error);
    expect(() => confusionMatrix([], [], ['a', 'b'])).toThrow('no predictions');
    expect(() => classificationMetrics({ labels: ['a'], matrix: [[0]], n: 0 })).toThrow('empty');
    expect(() => confusionMatrix([0, 1], [0], ['a', 'b'])).toThrow('equally long');
    expect(() => confusionMatrix([0, 2], [0, 1], ['a', 'b'])).toThrow('truth[1] is 2');
    expect(() => logLoss([], new Float64Array(0), 2)).toThrow('no predictions');
    expect(() => rocAuc([], new Float64Array(0), 2)).toThrow('no predictions');
    expect(() => logLoss([0], new Float64Array([1, 0, 0]), 2)).toThrow('need 2 probabilities');
    expect(() => rocAuc([0, 1, 2], new Float64Array([0.5, 0.5, 0, 0.5, 0.5, 0, 0.9, 0.9, 0.9]), 3)).toThrow('sum to 1');
  });

  test('log loss clips at 1e-15: a confident mistake costs -ln(1e-15), not infinity', () => {
    expect(logLoss([0], new Float64Array([0, 1]), 2)).toBeCloseTo(-Math.log(1e-15), 6);
    expect(logLoss([1], new Float64Array([0, 1]), 2)).toBeLessThan(1e-14);
  });
});

describe('classification properties', () => {
  const labelled = fc
    .integer({ min: 2, max: 5 })
    .chain((k) => fc.tuple(fc.constant(k), fc.array(fc.tuple(fc.nat(k - 1), fc.nat(k - 1)), { minLength: 1, maxLength: 60 })));

  test('accuracy, balanced accuracy and macro F1 lie in [0, 1]', () => {
    fc.assert(
      fc.property(labelled, ([k, pairs]) => {
        const labels = Array.from({ length: k }, (_, i) => `l${i}`);
        const m = classificationMetrics(
          confusionMatrix(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
            labels,
          ),
        );
        for (const v of [m.accuracy, m.balancedAccuracy, m.macroF1]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  test('perfect scores give AUC 1, and reversed scores AUC 0', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 2, maxLength: 80 }), (ys) => {
        fc.pre(ys.includes(true) && ys.includes(false));
        const truth = ys.map((y) => (y ? 1 : 0));
        const perfect = Float64Array.from(ys.flatMap((y) => (y ? [0.1, 0.9] : [0.8, 0.2])));
        expect(rocAuc(truth, perfect, 2)).toBe(1);
        expect(
          rocAuc(
            truth.map((t) => 1 - t),
            perfect,
            2,
          ),
        ).toBe(0);
      }),
    );
  });
});

describe('wilsonInterval matches statsmodels proportion_confint(method="wilson")', () => {
  test.each(fixture.wilson.map((w) => [`${w.successes}/${w.n} at ${w.confidence}`, w] as const))('%s', (_name, w) => {
    const [lo, hi] = wilsonInterval(w.successes, w.n, w.confidence);
    expectRel(lo, Math.max(0, w.interval[0]), 'lower');
    expectRel(hi, Math.min(1, w.interval[1]), 'upper');
  });

  test('normalQuantile matches scipy.stats.norm.ppf, deep into the tails', () => {
    for (const { p, z } of fixture.normalQuantile) expectRel(normalQuantile(p), z, `ppf(${p})`);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  test('the interval holds the observed proportion and stays in [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const s = Math.round(f * n);
        const [lo, hi] = wilsonInterval(s, n);
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
        expect(lo).toBeLessThanOrEqual(s / n + 1e-12);
        expect(hi).toBeGreaterThanOrEqual(s / n - 1e-12);
      }),
    );
  });

  test('n = 0 or successes > n is an error', () => {
    expect(() => wilsonInterval(0, 0)).toThrow('n must be a positive whole number');
    expect(() => wilsonInterval(5, 4)).toThrow('successes must lie in 0..4');
  });
});

describe('mcnemarTest matches statsmodels mcnemar', () => {
  test.each(fixture.mcnemar.map((m) => [`b=${m.b} c=${m.c}`, m] as const))('%s', (_name, m) => {
    const r = mcnemarTest(m.b, m.c);
    expect(r.exact).toBe(m.exact);
    expectRel(r.statistic, m.statistic, 'statistic');
    expectRel(r.pValue, m.pValue, 'pValue');
  });

  test('swapping the two models gives the same p-value', () => {
    fc.assert(
      fc.property(fc.nat(400), fc.nat(400), (b, c) => {
        expect(mcnemarTest(b, c).pValue).toBe(mcnemarTest(c, b).pValue);
      }),
    );
  });

  test('negative or fractional counts are an error', () => {
    expect(() => mcnemarTest(-1, 3)).toThrow('whole numbers');
    expect(() => mcnemarTest(1.5, 3)).toThrow('whole numbers');
  });
});

describe('regressionMetrics matches scikit-learn', () => {
  test('MAE, RMSE and R^2 on recorded data', () => {
    const r = fixture.regression;
    const m = regressionMetrics(r.truth, r.predicted);
    expectRel(m.mae, r.mae, 'mae');
    expectRel(m.rmse, r.rmse, 'rmse');
    expectRel(m.r2, r.r2, 'r2');
  });

  test('constant truth: R^2 is 1 when predicted exactly, else 0 (force_finite)', () => {
    for (const c of fixture.regressionConstant) expect(regressionMetrics(c.truth, c.predicted).r2).toBe(c.r2);
  });

  test('no rows or mismatched lengths are errors', () => {
    expect(() => regressionMetrics([], [])).toThrow('no predictions');
    expect(() => regressionMetrics([1, 2], [1])).toThrow('equally long');
  });
});
