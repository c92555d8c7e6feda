import * as stats from '../../src/stats/index.js';

test('stats/index re-exports the agreed API', () => {
  const api = [
    'ecdfFromSorted',
    'ecdfFromSample',
    'ecdfFromCounts',
    'ecdfMean',
    'ecdfStd',
    'ksStatistic',
    'ksTwoSamplePValue',
    'ks2sampEcdf',
    'ks2samp',
    'kstwoSf',
    'smirnovSf',
    'wassersteinDistance',
    'chi2Sf',
    'chi2Contingency',
    'jensenShannonDistance',
    'cramersV',
    'populationStabilityIndex',
    'quantileBinEdges',
    'binCounts',
    'adjustPValues',
  ];
  for (const name of api) expect(typeof (stats as Record<string, unknown>)[name]).toBe('function');
});
