/**
 * @jest-environment node
 *
 * Every mermaid block of every job summary parses with mermaid 11 (the version GitHub renders),
 * under a jsdom window. With MODELCI_SUMMARIES_OUT set, the summaries are also written there
 * as <kind>.md for scripts/render-summaries.mjs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { mermaidBlocks, summarySamples } from './summary-samples.js';

type Mermaid = { parse(text: string): Promise<unknown> };
let mermaid: Mermaid;
let samples: Record<string, string>;

beforeAll(async () => {
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  mermaid = ((await import('mermaid')) as unknown as { default: Mermaid }).default;
  samples = await summarySamples();
  const out = process.env.MODELCI_SUMMARIES_OUT;
  if (out) {
    mkdirSync(out, { recursive: true });
    for (const [kind, md] of Object.entries(samples)) writeFileSync(join(out, `${kind}.md`), md);
  }
});

const KINDS = [
  'check-drift',
  'quality-gates-failed',
  'quality-gates-baseline',
  'register-model',
  'register-model-list',
  'canary-promoted',
  'canary-rolled-back',
  'train-on-gpu',
  'pr-report',
];
// Kinds whose summary has at least one chart.
const CHARTED = ['check-drift', 'quality-gates-failed', 'quality-gates-baseline', 'canary-promoted', 'train-on-gpu'];

test('the samples cover every report kind', () => {
  expect(Object.keys(samples).sort()).toEqual([...KINDS].sort());
  for (const kind of CHARTED) expect(mermaidBlocks(samples[kind]).length).toBeGreaterThan(0);
});

test.each(KINDS)('every mermaid block of the %s summary parses', async (kind) => {
  for (const block of mermaidBlocks(samples[kind])) {
    await expect(mermaid.parse(block)).resolves.toBeTruthy();
  }
});

test('a broken block is caught: the check can fail', async () => {
  const md = '## x\n\n```mermaid\nxychart-beta horizontal\n  x-axis ["a", "b]\n  bar [1, 2\n```\n';
  const [block] = mermaidBlocks(md);
  await expect(mermaid.parse(block)).rejects.toThrow(/Parse error|Lexical error/);
});
