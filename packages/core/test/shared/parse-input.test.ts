import { InputError } from '../../src/shared/errors.js';
import type { InputSpec } from '../../src/shared/input-spec.js';
import { parseInputs, parseInputValue, requireInput } from '../../src/shared/parse-input.js';

const spec = (type: InputSpec['type'], extra: Partial<InputSpec> = {}): InputSpec => ({ name: 'x', type, description: 'X.', ...extra });
const refused = (s: InputSpec, text: string): string => {
  try {
    parseInputValue(s, text);
  } catch (e) {
    if (e instanceof InputError) {
      expect(e.where.input).toBe('x');
      return e.message;
    }
    throw e;
  }
  throw new Error(`'${text}' was accepted as ${s.type}`);
};

test('one unit rule: a bare latency is milliseconds, everywhere', () => {
  expect(parseInputValue(spec('latency'), '150')).toBe(150);
  expect(parseInputValue(spec('latency'), '150ms')).toBe(150);
  expect(parseInputValue(spec('latency'), '0.2s')).toBe(200);
  expect(parseInputValue(spec('latency'), '500us')).toBe(0.5);
  expect(refused(spec('latency'), '5m')).toBe("Input 'x' is '5m', not a latency; write e.g. 150 (milliseconds), 150ms or 0.2s.");
});

test('a bare duration is refused: seconds or milliseconds cannot be told apart', () => {
  expect(parseInputValue(spec('duration'), '30s')).toBe(30_000);
  expect(parseInputValue(spec('duration'), '5m')).toBe(300_000);
  expect(parseInputValue(spec('duration'), '1h')).toBe(3_600_000);
  expect(parseInputValue(spec('duration'), '250ms')).toBe(250);
  expect(refused(spec('duration'), '150')).toBe("Input 'x' is '150': 150 what? Write 150s, 150m or 150ms.");
  expect(refused(spec('duration'), '-1s')).toBe("Input 'x' is '-1s', not a duration; write e.g. 30s, 5m or 1h.");
});

test('a bare size is refused; decimal and binary units are kept apart', () => {
  expect(parseInputValue(spec('size'), '500MB')).toBe(500e6);
  expect(parseInputValue(spec('size'), '1.5GiB')).toBe(1.5 * 1024 ** 3);
  expect(refused(spec('size'), '500')).toBe("Input 'x' is '500': 500 what? Write 500MB or 500MiB.");
  expect(refused(spec('size'), '100ms')).toBe("Input 'x' is '100ms', not a size; write e.g. 500MB, 1.5GiB or 200kB.");
});

test('shares: 5% or 0.05; a bare number above 1 is refused with both spellings', () => {
  expect(parseInputValue(spec('share'), '5%')).toBe(0.05);
  expect(parseInputValue(spec('share'), '0.05')).toBe(0.05);
  expect(parseInputValue(spec('share'), '1')).toBe(1);
  expect(refused(spec('share'), '5')).toBe("Input 'x' is '5', above 1; for 5% write 5% or 0.05.");
  expect(refused(spec('share'), '120%')).toBe("Input 'x' is '120%', outside 0..1; give a share such as 5% or 0.05.");
});

test('rates: a bare 1 would be 100% and is refused too', () => {
  expect(parseInputValue(spec('rate'), '1%')).toBe(0.01);
  expect(parseInputValue(spec('rate'), '0.01')).toBe(0.01);
  expect(parseInputValue(spec('rate'), '100%')).toBe(1);
  expect(refused(spec('rate'), '1')).toBe("Input 'x' is '1', which would mean 100%; write 1% or 0.01.");
});

test('counts are refused past their maximum before anything is allocated', () => {
  const runs = spec('count', { min: 1, max: 1e7 });
  expect(parseInputValue(runs, '1000')).toBe(1000);
  expect(refused(runs, '1e12')).toBe("Input 'x' is 1e12, above the most modelci accepts (10,000,000); give a whole number from 1 to 10,000,000.");
  expect(refused(runs, '0')).toBe("Input 'x' is '0'; give a whole number of at least 1.");
  expect(refused(runs, '2.5')).toBe("Input 'x' is '2.5'; give a whole number of at least 1.");
});

test('booleans, choices, lists and lines', () => {
  expect(parseInputValue(spec('boolean'), 'TRUE')).toBe(true);
  expect(parseInputValue(spec('boolean'), 'false')).toBe(false);
  expect(refused(spec('boolean'), 'yes')).toBe("Input 'x' is 'yes'; write true or false.");
  const choice = spec('choice', { choices: ['holm', 'bonferroni', 'fdr_bh', 'none'] });
  expect(parseInputValue(choice, 'HOLM')).toBe('holm');
  expect(refused(choice, 'hlom')).toBe("Input 'x' is 'hlom'; use one of 'holm', 'bonferroni', 'fdr_bh', 'none' (did you mean 'holm'?).");
  expect(parseInputValue(spec('list'), 'a, b\nc,,')).toEqual(['a', 'b', 'c']);
  // `;` separates lines in the action as in the CLI.
  expect(parseInputValue(spec('lines'), 'accuracy >= 0.9; latency.p99 <= 20ms\nsize <= 1MB')).toEqual([
    'accuracy >= 0.9',
    'latency.p99 <= 20ms',
    'size <= 1MB',
  ]);
  expect(parseInputValue(spec('latency', { keywords: ['none'] }), 'None')).toBe('none');
});

test('parseInputs fills defaults, checks required inputs and types every value', () => {
  const catalogue = [
    { name: 'data', type: 'path', required: true, what: 'the data to check', description: 'The data.' },
    { name: 'runs', type: 'count', min: 1, max: 100, default: '10', description: 'Runs.' },
    { name: 'columns', type: 'list', description: 'Columns.' },
    { name: 'limit', type: 'latency', description: 'Limit.' },
  ] as const satisfies readonly InputSpec[];
  expect(parseInputs(catalogue, { data: ' d.csv ' })).toEqual({ data: 'd.csv', runs: 10, columns: [], limit: undefined });
  expect(() => parseInputs(catalogue, {})).toThrow("Input 'data' is required: give the data to check.");
  expect(() => parseInputs(catalogue, { data: 'd', runs: '1000' })).toThrow(/Input 'runs' is 1000, above the most/);
});

test('requireInput: the trimmed value, or one sentence naming the input, what to give and alongside which input', () => {
  expect(requireInput('  penguins ', 'name', 'the model name')).toBe('penguins');
  const missing = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e as InputError;
    }
    throw new Error('no error');
  };
  const e = missing(() => requireInput('  ', 'name', 'the model name'));
  expect(e).toBeInstanceOf(InputError);
  expect(e.message).toBe("Input 'name' is required: give the model name.");
  expect(missing(() => requireInput(undefined, 'test-data', 'the held-out data', { with: 'model' })).message).toBe(
    "Input 'test-data' is required with 'model': give the held-out data.",
  );
});
