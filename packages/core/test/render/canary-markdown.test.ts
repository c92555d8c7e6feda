import { parseCanaryPolicy, renderDeploymentMarkdown, renderDeploymentText, runRollout } from '../../src/index.js';
import { HEALTHY, MemoryRouter, SimClock, SimMetrics } from '../helpers/rollout-sim.js';

async function rollout(canaryErrorRate: number) {
  const clock = new SimClock();
  const router = new MemoryRouter();
  const metrics = new SimMetrics(router, { ...HEALTHY, canaryErrorRate });
  return runRollout(
    parseCanaryPolicy({ steps: '10%, 50%', interval: '30s', 'check-interval': '10s', 'min-requests': '20' }),
    { router, metrics, clock },
    { name: 'penguins', version: '4', gitSha: '0123456789abcdef' },
  );
}

test('a promoted rollout: headline, policy, charts of share and error rates, every check and event', async () => {
  const r = await rollout(0.001);
  const md = renderDeploymentMarkdown(r);
  expect(md.split('\n')[0]).toBe('## ✅ Canary promoted: penguins v4 (0123456789ab)');
  expect(md).toContain(
    '> Promoted: every step from 10% to 50% passed its checks; the canary servers now serve 100% of traffic. Next: put penguins v4 on the stable servers',
  );
  expect(md).toContain('**The canary servers serve 100% of traffic; the stable servers still run the old version.**');
  // Under the headline: the time against the plan and the checks, inconclusive ones counted.
  expect(md).toMatch(/\n2 of 2 canary steps in (\d+ s|1 min) of 1 min planned \(timeout 2 min\); checks: \d+ \(\d+ passed, 0 failed, \d+ inconclusive\)\.\n/);
  expect(md).toContain('| steps | 10.0% → 50.0% → 100% |');
  expect(md).toContain("| sequential test | canary errors 10x stable's, false-rollback rate 1.0% |");
  expect(md).toContain('| final canary share | 100.0% (the canary servers serve everything) |');
  // Three charts (share, error rates, p99 with its limit), each with a palette visible on white.
  const charts =
    md.match(/```mermaid\n%%\{init: \{"themeVariables": \{"xyChart": \{"plotColorPalette": "#d73a49, #0366d6, #6a737d"\}\}\}\}%%\nxychart-beta/g) ?? [];
  expect(charts).toHaveLength(3);
  expect(md).toContain('title "p99 per check (ms): canary red, stable blue, limit 150 ms grey"');
  expect(md).toContain("| error-rate confidence | 95.0% (Wilson lower bound, on each step's cumulative counts) |");
  expect(md).toMatch(/\| duration \| (\d+ s|1 min) of 1 min planned \(timeout 2 min\) \|/);
  expect(md).toContain('<details><summary>Every check</summary>');
  // One row per step.
  expect(md.split('\n').filter((l) => /^\| [12] \| (10|50)\.0% \|/.test(l))).toHaveLength(2);
  const checks = r.steps.flatMap((s) => s.checks);
  // One table row per check, one per event.
  const rows = md.split('\n').filter((l) => /^\| \d\d:\d\d:\d\d \| \d/.test(l));
  expect(rows).toHaveLength(checks.length);
  const shares = /line \[([^\]]*)\]/.exec(md)![1].split(', ').map(Number);
  expect(shares).toEqual(checks.map((c) => c.weight * 100));
  expect(md).toContain('| promoted | 100.0% |');
});

test('a rolled-back rollout says why, in the headline, the quote and the terminal text', async () => {
  const r = await rollout(0.2);
  const md = renderDeploymentMarkdown(r);
  expect(md.split('\n')[0]).toBe('## ↩️ Canary rolled back: penguins v4 (0123456789ab)');
  expect(md).toMatch(/^> The canary fails more often than stable: sequential test: /m);
  expect(md).toContain('| bad canary |');
  // The deciding check is in the tally and in its own table.
  expect(md).toMatch(/\| checks \| (\d+) \(\d+ passed, 1 failed \(1 by the sequential test\), \d+ inconclusive\) \|/);
  expect(md).toContain('### Failed and deciding checks');
  // Rolled back at its first check: a line through one point draws nothing, so no charts.
  expect(r.steps.flatMap((s) => s.checks)).toHaveLength(1);
  expect(md).not.toContain('```mermaid');
  expect(md).toContain('| setting | value |\n|---|---|\n| router |');
  const text = renderDeploymentText(r);
  expect(text.split('\n')[0]).toMatch(/^ROLLED-BACK: The canary fails more often than stable/);
  expect(text).toMatch(/rolled-back\s+0.0%\s+stable serves 100%/);
});

test("a server's hostile answer and a URI's credentials: escaped and dropped in the summary and the terminal text", async () => {
  const r = await rollout(0.001);
  const hostile = 'Prometheus said: <img src=x onerror=alert(1)>\n::set-output name=drifted::false | ![x](http://evil/x.png)';
  const record = {
    ...r,
    router: 'http://u:Rt@Pass@lb:8080',
    metrics: 'prometheus+http://p:Pw@h:9090?api_key=K1',
    reason: hostile,
    events: [...r.events, { ...r.events[0], message: hostile }],
  };
  const md = renderDeploymentMarkdown(record);
  expect(md).not.toMatch(/Rt@Pass|Pw@h|K1/);
  expect(md).toContain('| router | `http://lb:8080` |');
  expect(md).toContain('| metrics | `prometheus+http://h:9090?api_key=***` |');
  expect(md).not.toMatch(/(^|[^\\])<img|^::|(^|[^\\])!?\[x/m);
  expect(md).toContain('> Prometheus said: \\<img src=x onerror=alert(1)>\\\\n::set-output name=drifted::false \\| !\\[x\\](http\\://evil/x.png)');
  const text = renderDeploymentText(record);
  expect(text.split('\n').filter((l) => /^\s*::/.test(l))).toEqual([]);
  expect(text).toContain('Prometheus said: <img src=x onerror=alert(1)>\\n::set-output name=drifted::false');
});
