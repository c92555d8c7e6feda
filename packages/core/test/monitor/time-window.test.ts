import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DAY_MS, HOUR_MS, parseSplitText, parseWindowText, recordWindowEnd, resolveWindow, splitWindow } from '../../src/monitor/time-window.js';
import { InputError } from '../../src/shared/errors.js';
import { inputError, tempDir } from '../data/helpers.js';

const NOW = new Date('2026-12-01T13:20:00Z');

describe('the window input', () => {
  test.each([
    ['24h', 24 * HOUR_MS],
    ['1h', HOUR_MS],
    ['7d', 7 * DAY_MS],
    [' 90m ', 90 * 60_000],
    ['1.5h', 1.5 * HOUR_MS],
  ])('%s is the last %d ms before now', async (text, ms) => {
    expect(parseWindowText(text)).toEqual({ kind: 'duration', ms });
    const { window, note } = await resolveWindow(parseWindowText(text), { now: NOW });
    expect(window).toEqual({ start: new Date(NOW.getTime() - ms), end: NOW });
    expect(note).toBeUndefined();
  });

  test.each([
    ['24', "Input 'window' is '24': 24 what? Write 24h or 24d, or since-last-run."],
    ['yesterday', "Input 'window' is 'yesterday', not a window; write a duration such as 1h, 24h or 7d (the last N before now), or since-last-run."],
    ['24 parsecs', "Input 'window' is '24 parsecs', not a window; write a duration such as 1h, 24h or 7d (the last N before now), or since-last-run."],
    ['0h', "Input 'window' is '0h', not a window; write a duration such as 1h, 24h or 7d (the last N before now), or since-last-run."],
  ])('%s is refused with the accepted forms', (text, message) => {
    expect(() => parseWindowText(text)).toThrow(new InputError(message));
  });

  test('since-last-run: the first run reads the default and says so; the next starts where it ended', async () => {
    const tmp = await tempDir();
    try {
      const statePath = join(tmp.dir, 'state', 'monitor-state.json');
      const spec = parseWindowText('since-last-run');
      const first = await resolveWindow(spec, { now: NOW, statePath });
      expect(first.window).toEqual({ start: new Date(NOW.getTime() - DAY_MS), end: NOW });
      expect(first.note).toBe(`No previous run is recorded in ${statePath}: this first run reads the last 24 h.`);
      await recordWindowEnd(statePath, first.window.end);
      expect(JSON.parse(await readFile(statePath, 'utf8'))).toEqual({ schema: 'modelci/monitor-state@1', lastWindowEnd: '2026-12-01T13:20:00.000Z' });
      const later = new Date(NOW.getTime() + HOUR_MS + 5000);
      const second = await resolveWindow(spec, { now: later, statePath });
      expect(second).toEqual({ window: { start: NOW, end: later } });
      const fallback = await resolveWindow(spec, { now: NOW, statePath: join(tmp.dir, 'none.json'), fallbackMs: 3 * DAY_MS });
      expect(fallback.note).toMatch(/reads the last 3 days\.$/);
    } finally {
      await tmp.cleanup();
    }
  });

  test('since-last-run without a state file, or with a corrupt one: one sentence each', async () => {
    const tmp = await tempDir();
    try {
      const spec = parseWindowText('since-last-run');
      expect((await inputError(resolveWindow(spec, { now: NOW }))).message).toBe(
        "Input 'window' is since-last-run, which needs a state file to remember the last run; give one (e.g. .modelci/monitor-state.json), or write a duration such as 24h.",
      );
      const bad = join(tmp.dir, 'bad.json');
      await writeFile(bad, '{"lastWindowEnd": "soon"}');
      expect((await inputError(resolveWindow(spec, { now: NOW, statePath: bad }))).message).toBe(
        `State file ${bad} is not a monitor state (modelci/monitor-state@1 with lastWindowEnd); delete it to start again from the default window.`,
      );
    } finally {
      await tmp.cleanup();
    }
  });
});

describe('splitWindow', () => {
  test('cuts at UTC hours: partial first and last pieces, covering the window exactly', () => {
    const w = { start: new Date('2026-12-01T10:20:00Z'), end: new Date('2026-12-01T13:05:00Z') };
    expect(splitWindow(w, parseSplitText('hourly')!).map((p) => [p.start.toISOString().slice(11, 16), p.end.toISOString().slice(11, 16)])).toEqual([
      ['10:20', '11:00'],
      ['11:00', '12:00'],
      ['12:00', '13:00'],
      ['13:00', '13:05'],
    ]);
  });

  test('daily pieces, an empty window, and the split input', () => {
    const w = { start: new Date('2026-11-29T00:00:00Z'), end: new Date('2026-12-01T00:00:00Z') };
    expect(splitWindow(w, DAY_MS)).toHaveLength(2);
    expect(splitWindow({ start: w.end, end: w.end }, HOUR_MS)).toEqual([]);
    expect(parseSplitText('daily')).toBe(DAY_MS);
    expect(parseSplitText('none')).toBeUndefined();
    expect(() => parseSplitText('weekly')).toThrow(new InputError("Input 'split' is 'weekly'; write hourly, daily or none."));
  });
});
