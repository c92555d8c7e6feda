import { describe, expect, it } from '@jest/globals';
import { renderPrReport } from '../../src/render/pr-report-markdown.js';
import { driftReport, gateVerdict } from '../github/report-fixtures.js';

describe('renderPrReport', () => {
  it('shows the drift verdict, each gate with its delta against production, size and p99, and the links', () => {
    const md = renderPrReport({
      drift: driftReport(true),
      gates: gateVerdict(true),
      commit: '0123456789abcdef0123',
      links: [{ label: 'Run summary', url: 'https://github.com/acme/models/actions/runs/42' }],
    });
    expect(md).toContain('## ❌ modelci for `0123456789ab`');
    expect(md).toContain('| Data drift | ❌ drift: 1 of 2 features drifted |');
    expect(md).toContain('| Quality gates | ❌ 1 of 2 gates failed |');
    expect(md).toMatch(/\| `latency\.p99 <= 50ms` \| 52\.3 ?ms \| .* \| \+12\.2 ?ms \| ❌ fail \|/);
    expect(md).toMatch(/\| `accuracy >= baseline\.accuracy - 0\.01` \| .* \| \+0\.02 \| ✅ pass \|/);
    expect(md).toMatch(/\| Size \| 3\.21 ?MB \| 3 ?MB \| \+210 ?kB \|/);
    expect(md).toContain('- `temp_max` (drift): Wasserstein');
    expect(md).toContain('[Run summary](<https://github.com/acme/models/actions/runs/42>)');
  });

  it('says a first run has no production model to compare with', () => {
    const md = renderPrReport({ drift: driftReport(false), gates: gateVerdict(false) });
    expect(md).toContain('No production model to compare with');
    expect(md).toContain('| Data drift | ✅ no drift: 0 of 2 features drifted |');
    expect(md).not.toContain('### Data drift');
  });

  it('never carries a link that is not a web address, and escapes text it does not control', () => {
    const drift = driftReport(true);
    drift.features[0].reason = '![x](https://evil.example/x.png) <img src=x>';
    const md = renderPrReport({
      drift,
      links: [
        { label: 'x', url: 'javascript:alert(1)' },
        { label: '[a](b)', url: 'https://example.com/a>b' },
      ],
    });
    expect(md).not.toContain('javascript:');
    expect(md).toContain('!\\[x\\](https\\://evil.example/x.png) \\<img src=x>');
    expect(md).toContain('[\\[a\\](b)](<https://example.com/a%3Eb>)');
  });
});
