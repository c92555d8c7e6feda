import { kstwoSf } from '../../../src/stats/kolmogorov.js';
import { smirnovSf } from '../../../src/stats/smirnov.js';
import { loadFixture } from '../../fixtures/scipy/fixtures.js';
interface Table { columns: string[]; rows: number[][] }
const fx = loadFixture<{ kstwoSf: Table; smirnov: Table }>('kolmogorov.json');
test('prof', () => {
  const slow: string[] = [];
  for (const [n, d] of fx.smirnov.rows) { const t = performance.now(); smirnovSf(n, d); const dt = performance.now() - t; if (dt > 200) slow.push(`smirnov n=${n} d=${d} ${dt.toFixed(0)}ms`); }
  for (const [n, d] of fx.kstwoSf.rows) { const t = performance.now(); kstwoSf(d, n); const dt = performance.now() - t; if (dt > 200) slow.push(`kstwo n=${n} d=${d} nd2=${n*d*d} ${dt.toFixed(0)}ms`); }
  console.log(slow.join('\n'));
});
