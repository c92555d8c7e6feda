import * as core from '@actions/core';
import type { Annotation } from '@modelci/core';
import { annotateAll } from '../src/annotations.js';
import { captureStdout, workflowCommands } from './stdout.js';

const errors = (n: number): Annotation[] => Array.from({ length: n }, (_, i) => ({ level: 'error', title: `e${i}`, message: `error ${i}` }));
const warnings = (n: number): Annotation[] => Array.from({ length: n }, (_, i) => ({ level: 'warning', title: `w${i}`, message: `warning ${i}` }));

test('nine errors and the verdict: all ten shown', () => {
  const out = captureStdout(() => {
    annotateAll(errors(9));
    core.setFailed('the verdict');
  });
  const lines = out.trim().split('\n');
  expect(lines).toHaveLength(10);
  expect(lines[9]).toBe('::error::the verdict');
  process.exitCode = 0;
});

test('twenty errors: eight, an "N more" line, and the verdict make ten; the verdict is not the one dropped', () => {
  const out = captureStdout(() => {
    annotateAll([...errors(20), ...warnings(3)]);
    core.setFailed('the verdict');
  });
  const shownErrors = out.split('\n').filter((l) => l.startsWith('::error'));
  expect(shownErrors).toHaveLength(10);
  expect(shownErrors[8]).toBe('::error title=12 more::12 more error findings are in the job summary and the JSON report.');
  expect(shownErrors[9]).toBe('::error::the verdict');
  expect(out.split('\n').filter((l) => l.startsWith('::warning'))).toHaveLength(3);
  process.exitCode = 0;
});

test('warnings keep all ten slots unless the shell reserves some', () => {
  expect(workflowCommands(captureStdout(() => annotateAll(warnings(10))))).toEqual(Array(10).fill('warning'));
  const reserved = captureStdout(() => annotateAll(warnings(10), { reserve: { warning: 1 } }))
    .trim()
    .split('\n');
  expect(reserved).toHaveLength(9);
  expect(reserved[8]).toMatch(/^::warning title=2 more::/);
});

test('a hostile title and message stay inside one annotation', () => {
  const out = captureStdout(() =>
    annotateAll([{ level: 'error', title: 'x\n::set-output name=drifted::false', message: 'a\r\n::save-state name=finished::true\n%0A' }]),
  );
  expect(out).toBe('::error title=x%0A%3A%3Aset-output name=drifted%3A%3Afalse::a%0D%0A::save-state name=finished::true%0A%250A\n');
  expect(workflowCommands(out)).toEqual(['error']);
});
