// The monitor's summary on a day of real flights with the shift from 14:00: the chart (explicit
// palette, one bar per window, parsed by mermaid itself), the table, the decision in numbers, and
// untrusted text (a column name) escaped.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MonitorReport } from '../../src/monitor/monitor-report.js';
import { renderMonitorMarkdown } from '../../src/render/monitor-markdown.js';
import { renderMonitorText } from '../../src/render/monitor-text.js';
import { runMonitor } from '../../src/steps/monitor.js';
import { DAY_START, HOUR, writeDay, writeReferenceProfile } from '../monitor/flights-day.js';

const dir = mkdtempSync(join(tmpdir(), 'modelci-monitor-md-'));
let report: MonitorReport;
beforeAll(async () => {
  const profile = writeReferenceProfile(dir);
  const data = writeDay({ seed: 21, shiftFromHour: 14, dir: join(dir, 'logs') });
  report = (
    await runMonitor(
      { 'production-data': data, 'time-column': 'ts', reference: profile, 'report-path': join(dir, 'r.json') },
      { now: new Date(DAY_START + 24 * HOUR) },
    )
  ).report;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const chartOf = (md: string) => md.slice(md.indexOf('```mermaid') + 11, md.indexOf('```', md.indexOf('```mermaid') + 3)).trim();

describe('monitor summary', () => {
  it('charts every window with the palette, the drifted ones past the line', async () => {
    const chart = chartOf(renderMonitorMarkdown(report));
    expect(chart).toContain('"plotColorPalette": "#0366d6, #d73a49"');
    const bars = /bar \[(.*)\]/.exec(chart)![1].split(', ').map(Number);
    expect(bars).toHaveLength(24);
    expect(bars.slice(14).every((b) => b > 1)).toBe(true);
    expect(bars.slice(0, 14).every((b) => b < 1)).toBe(true);
    expect(chart).toContain('10 of 24 windows drifted');
    // GitHub renders with mermaid: the chart must parse.
    // jsdom ships no types; mermaid needs a DOM only to load.
    const jsdom = 'jsdom';
    const { JSDOM } = (await import(jsdom)) as { JSDOM: new (html: string) => { window: { document: unknown } } };
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    Object.assign(globalThis, { window: dom.window, document: dom.window.document });
    const { default: mermaid } = await import('mermaid');
    await expect(mermaid.parse(chart)).resolves.toMatchObject({ diagramType: 'xychart' });
  });

  it('says the decision and why, in numbers, and escapes the data’s own text', () => {
    const md = renderMonitorMarkdown(report);
    expect(md).toMatch(/^## ⚠️ Production monitor: Unhealthy: dataset drift in the window 2026-03-01T23:00:00\.000Z to 2026-03-02T00:00:00\.000Z: delay/);
    expect(md).toContain('- Retrain: ⏸️ **skipped**: The retrain policy is met, but no retrain-workflow is set: reported only.');
    expect(md).toContain('tested at 0.00208, its share of 0.05 per day');
    expect(md).toMatch(/\| 2026-03-01T14:00 – 15:00 \| 150 \| ⚠️ yes \| 33\.3% \|/);
    const hostile = { ...report, alerts: ['Column *bold* [x](y) is new'] };
    expect(renderMonitorMarkdown(hostile)).toContain('Column \\*bold\\* \\[x\\](y) is new');
    expect(renderMonitorText(hostile)).toMatch(/^ALERT /);
  });
});
