import { InputError } from '../shared/errors.js';
import { parseQuantity, type Quantity } from '../shared/quantity.js';

export type Comparator = '>=' | '<=' | '>' | '<' | '==' | '!=';

/** The right-hand side: a constant, or the production model's metric plus or minus an offset. */
export type Threshold = { kind: 'constant'; value: Quantity } | { kind: 'baseline'; metric: string; offset: Quantity };

export interface Gate {
  /** As the user wrote it, for the verdict table. */
  text: string;
  metric: string;
  comparator: Comparator;
  threshold: Threshold;
  /** Where it came from: the input name and, for the multi-line `gates` input, the line. */
  input: string;
  line?: number;
}

const METRIC = String.raw`[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*`;
const GATE = new RegExp(String.raw`^(${METRIC})\s*(>=|<=|==|!=|>|<)\s*(.+)$`);
const BASELINE = new RegExp(String.raw`^baseline\.(${METRIC})\s*(?:([+-])\s*(.+))?$`);

/**
 * The multi-line `gates` input: one `metric comparator threshold` per line, e.g.
 * `macro_f1 >= 0.9`, `latency.p99 <= 100ms`, `size <= 500MB`, `accuracy >= baseline.accuracy - 0.01`.
 * Blank lines and `#` comments are ignored.
 */
export function parseGates(text: string, input = 'gates'): Gate[] {
  const gates: Gate[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line) gates.push(parseGate(line, input, i + 1));
  });
  return gates;
}

export function parseGate(text: string, input: string, line?: number): Gate {
  const where = line ? `Input '${input}' line ${line}` : `Input '${input}'`;
  const m = GATE.exec(text);
  if (!m) {
    throw new InputError(`${where}, '${text}', is not a gate; write 'metric comparator threshold', e.g. 'accuracy >= 0.92' or 'latency.p99 <= 100ms'.`, {
      input,
      line,
    });
  }
  const [, metric, comparator, rhs] = m;
  const b = BASELINE.exec(rhs.trim());
  let threshold: Threshold;
  if (b) {
    const offset = b[3] ? parseQuantity(b[3], { input, context: text }) : { value: 0 };
    threshold = { kind: 'baseline', metric: b[1], offset: b[2] === '-' ? { ...offset, value: -offset.value } : offset };
  } else {
    threshold = { kind: 'constant', value: parseQuantity(rhs, { input, context: text }) };
  }
  return { text, metric, comparator: comparator as Comparator, threshold, input, line };
}

/** The seed pipeline's three inputs, as gates. Empty inputs add nothing. */
export function legacyGates(inputs: { 'min-accuracy'?: string; 'max-latency-p99'?: string; 'max-model-size'?: string }): Gate[] {
  const gates: Gate[] = [];
  const add = (input: string, value: string | undefined, make: (v: string) => string) => {
    if (value?.trim()) gates.push(parseGate(make(value.trim()), input));
  };
  add('min-accuracy', inputs['min-accuracy'], (v) => `accuracy >= ${v}`);
  // The seed gives the p99 budget as a bare number of milliseconds.
  add('max-latency-p99', inputs['max-latency-p99'], (v) => `latency.p99 <= ${/^[\d.]+$/.test(v) ? `${v}ms` : v}`);
  add('max-model-size', inputs['max-model-size'], (v) => `size <= ${v}`);
  return gates;
}

export function compare(actual: number, comparator: Comparator, threshold: number): boolean {
  switch (comparator) {
    case '>=':
      return actual >= threshold;
    case '<=':
      return actual <= threshold;
    case '>':
      return actual > threshold;
    case '<':
      return actual < threshold;
    case '==':
      return actual === threshold;
    case '!=':
      return actual !== threshold;
  }
}
