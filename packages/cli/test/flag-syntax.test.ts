import { toFlagSyntax } from '../src/flag-syntax.js';
import { parseFlags } from '../src/parse-flags.js';
import { UsageError } from '../src/command.js';
import { COMMANDS } from '../src/commands/index.js';

test('core sentences read in flag syntax in the CLI', () => {
  expect(toFlagSyntax("Input 'report-path' is a directory (out/): give a file path.")).toBe('--report-path is a directory (out/): give a file path.');
  expect(toFlagSyntax("Inputs 'model' and 'report' were both given; give 'model'.")).toBe("--model and --report were both given; give 'model'.");
  expect(toFlagSyntax('register it with the passing verdict, or set force: true to override.')).toBe(
    'register it with the passing verdict, or add --force true to override.',
  );
});

const drift = COMMANDS.find((c) => c.name === 'drift')!;
const canary = COMMANDS.find((c) => c.name === 'canary')!;

test('flags: --name value, --name=value, a bare boolean flag, and the format default', () => {
  expect(parseFlags(drift, ['--reference', 'r.csv', '--current=c.csv'])).toEqual({ reference: 'r.csv', current: 'c.csv', format: 'text' });
  expect(parseFlags(canary, ['--router', 'command:x', '--dry-run'])).toMatchObject({ 'dry-run': 'true' });
});

test.each([
  [['--refrence', 'r'], "unknown flag --refrence for modelci drift; did you mean --reference? run 'modelci drift --help' for the flags."],
  [['--threshold', '0.05'], "modelci drift has no --threshold (a seed script's flag); the flag that means the same here is --significance-level."],
  [['--reference'], "--reference needs a value, e.g. --reference <path>; run 'modelci drift --help' for the flags."],
  [['--reference', 'a', '--reference', 'b'], '--reference was given twice; give it once.'],
  [['stray'], "modelci drift takes no argument 'stray'; give values as flags, e.g. --reference <path>."],
  [['--format', 'yaml'], "--format is 'yaml'; use text, markdown or json."],
])('%j is one sentence', (args, message) => {
  expect(() => parseFlags(drift, args)).toThrow(new UsageError(message));
});

test('no command lists a flag twice (a subset catalogue that repeats an input would shadow it)', () => {
  for (const c of COMMANDS) expect(new Set(c.inputs.map((s) => s.name)).size).toBe(c.inputs.length);
});
