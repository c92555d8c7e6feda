import fc from 'fast-check';
import { rocAuc } from '../../src/index.js';

/** The definition: the chance a random positive outscores a random negative, ties counting half. */
function pairwiseAuc(positive: boolean[], scores: number[]): number {
  let u = 0;
  let pairs = 0;
  positive.forEach((p, i) => {
    if (!p) return;
    positive.forEach((q, j) => {
      if (q) return;
      pairs++;
      u += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    });
  });
  return u / pairs;
}

describe('ROC AUC on float32 scores (the radix-sort path) equals the pairwise definition', () => {
  test('random float32 scores with ties, negative values and signed zeros', () => {
    const score = fc.oneof(fc.float({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 0.5, 0.25, -1));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), score), { minLength: 2, maxLength: 60 }), (rows) => {
        const positive = rows.map(([p]) => p);
        if (positive.every((p) => p) || positive.every((p) => !p)) return;
        const scores = rows.map(([, s]) => Math.fround(s));
        // Two classes: column 1 holds the positive class's score.
        const probabilities = new Float64Array(rows.length * 2);
        scores.forEach((s, r) => {
          probabilities[2 * r + 1] = s;
        });
        const auc = rocAuc(
          positive.map((p) => (p ? 1 : 0)),
          probabilities,
          2,
        );
        expect(auc).toBeCloseTo(pairwiseAuc(positive, scores), 12);
      }),
      { numRuns: 300, seed: 20261126 },
    );
  });

  test('float64 scores that float32 cannot hold take the comparison sort and agree too', () => {
    const scores = [0.1 + 1e-12, 0.1, 0.3, 0.3 + 1e-15, 0.7];
    const positive = [true, false, false, true, true];
    const probabilities = new Float64Array(10);
    scores.forEach((s, r) => {
      probabilities[2 * r + 1] = s;
    });
    expect(
      rocAuc(
        positive.map((p) => (p ? 1 : 0)),
        probabilities,
        2,
      ),
    ).toBeCloseTo(pairwiseAuc(positive, scores), 14);
  });
});
