import fc from 'fast-check';
import { compareToReference } from '../../src/drift/check-drift.js';
import { DEFAULT_DRIFT_OPTIONS } from '../../src/drift/options.js';
import { CATEGORY_LIMIT, SKETCH_SIZE, profileFromReference, referenceFromProfile } from '../../src/drift/profile.js';
import { referenceFromTable } from '../../src/drift/reference-from-table.js';
import { InputError } from '../../src/shared/errors.js';
import { categorical, numeric, rng, table } from '../helpers/tables.js';

const opts = DEFAULT_DRIFT_OPTIONS;
const roundTrip = (json: unknown) => referenceFromProfile(JSON.parse(JSON.stringify(json)), 'p.json');

describe('profiles', () => {
  test('few distinct values: the profile is exact, every statistic equals the raw-data one', () => {
    const r = rng(7);
    const ref = table(
      numeric(
        'n',
        Array.from({ length: 5000 }, () => Math.floor(r() * 300)),
      ),
      categorical(
        'c',
        Array.from({ length: 5000 }, () => (r() < 0.1 ? null : `k${Math.floor(r() * 20)}`)),
      ),
    );
    const cur = table(
      numeric(
        'n',
        Array.from({ length: 3000 }, () => Math.floor(r() * 320)),
      ),
      categorical(
        'c',
        Array.from({ length: 3000 }, () => (r() < 0.15 ? null : `k${Math.floor(r() * 21)}`)),
      ),
    );
    const exact = compareToReference(referenceFromTable(ref), cur, opts);
    const profile = profileFromReference(referenceFromTable(ref));
    expect(profile.features.n).toHaveProperty('values');
    const fromProfile = compareToReference(roundTrip(profile), cur, opts);
    expect(fromProfile.features).toEqual(exact.features);
  });

  test('many distinct values: KS D from the sketch is within 1/k of exact, and the exact p lies in the reported range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.double({ min: -0.3, max: 0.3, noNaN: true }), (seed, shift) => {
        const r = rng(seed);
        const ref = table(
          numeric(
            'x',
            Array.from({ length: 30_000 }, () => r() + r()),
          ),
        );
        const cur = table(
          numeric(
            'x',
            Array.from({ length: 4_000 }, () => r() + r() + shift),
          ),
        );
        const exact = compareToReference(referenceFromTable(ref), cur, opts).features[0];
        const sketch = compareToReference(roundTrip(profileFromReference(referenceFromTable(ref))), cur, opts).features[0];
        expect(sketch.test!.exact).toBe(false);
        expect(Math.abs(sketch.test!.statistic - exact.test!.statistic)).toBeLessThanOrEqual(1 / SKETCH_SIZE + 1e-12);
        const [lo, hi] = sketch.test!.pValueRange!;
        expect(exact.test!.pValue).toBeGreaterThanOrEqual(lo - 1e-12);
        expect(exact.test!.pValue).toBeLessThanOrEqual(hi + 1e-12);
        expect(Math.abs(sketch.effect!.value - exact.effect!.value)).toBeLessThanOrEqual(sketch.effect!.errorBound! + 1e-12);
        // PSI bins and counts are stored, so PSI is exact.
        expect(sketch.effects.psi).toBeCloseTo(exact.effects.psi, 12);
      }),
      { numRuns: 15 },
    );
  });

  test('the seed article format is accepted', () => {
    const ref = referenceFromProfile(
      { features: { age: { type: 'numeric', sample: [30, 31, 35, 40, 41] }, city: { type: 'categorical', counts: { a: 10, b: 5 } } } },
      'seed.json',
    );
    expect(ref.origin).toBe('seed-profile');
    const report = compareToReference(ref, table(numeric('age', [30, 32, 36, 41, 44]), categorical('city', ['a', 'b', 'a', 'a', 'b'])), opts);
    expect(report.features.map((f) => f.status)).toEqual(['ok', 'ok']);
    // The seed format has no missing counts: no missing-rate test.
    expect(report.features[0].missing?.pValue).toBeUndefined();
  });

  test('categories beyond the limit are counted together, and unseen ones go there', () => {
    const names = Array.from({ length: CATEGORY_LIMIT + 5 }, (_, i) => `c${i}`);
    const values = names.flatMap((n, i) => (i < 10 ? [n, n] : [n]));
    const profile = profileFromReference(referenceFromTable(table(categorical('c', values))));
    const feature = profile.features.c as { counts: Record<string, number>; other: number };
    expect(Object.keys(feature.counts)).toHaveLength(CATEGORY_LIMIT);
    expect(feature.other).toBe(5);
    const f = compareToReference(roundTrip(profile), table(categorical('c', ['c0', 'c1', 'never-seen'])), opts).features[0];
    expect(f.newCategories).toEqual([]);
  });

  test.each([
    [
      { schema: 'modelci/profile@2', features: {} },
      'p.json is a modelci/profile@2 profile, newer than this modelci reads (modelci/profile@1); upgrade modelci or rewrite the profile',
    ],
    [{ schema: 'something/else@1' }, 'p.json has "schema": "something/else@1", which is not a modelci profile'],
    [[1, 2], 'p.json: the top level must be a JSON object'],
    [{ hello: 1 }, 'p.json is neither a modelci profile (no "schema") nor a seed-format profile'],
    [
      { schema: 'modelci/profile@1', source: { rows: 3 }, features: { x: { type: 'numeric', rows: 3, missing: 0, count: 3, values: [2, 1], counts: [1, 2] } } },
      'p.json: features."x".values must be distinct numbers in ascending order',
    ],
    [
      { schema: 'modelci/profile@1', source: { rows: 3 }, features: { x: { type: 'text' } } },
      'p.json: features."x".type is "text"; it must be "numeric" or "categorical".',
    ],
    [{ features: { x: { type: 'numeric', sample: [] } } }, 'p.json: features."x".sample must be a non-empty array of numbers'],
  ])('a bad profile is refused with one sentence (%#)', (json, message) => {
    let error: unknown;
    try {
      referenceFromProfile(json, 'p.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(message);
  });
});
