/** mulberry32, the seeded PRNG the statistics tests use: every split and random matrix is the same on every run. */
export { rng as mulberry32 } from '../../packages/core/test/helpers/tables.js';

/** Fisher–Yates shuffle of a copy, driven by `random`. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
