/**
 * The one reader of input text, for every step and both shells. Each type has one rule, so
 * `max-latency-p99: 150` means 150 ms wherever it appears, a bare size is refused rather than
 * read as bytes, and a share above 1 is refused rather than read as a fraction.
 */
import { closestName } from './closest-name.js';
import { InputError } from './errors.js';
import type { InputSpec, ParsedInputs, RawInputs } from './input-spec.js';
import { parseQuantity } from './quantity.js';

/** Read every input of a catalogue: defaults filled in, required ones checked, each read by its type. */
export function parseInputs<const C extends readonly InputSpec[]>(catalogue: C, raw: RawInputs<C>): ParsedInputs<C> {
  const out: Record<string, unknown> = {};
  for (const spec of catalogue) {
    const given = (raw as Record<string, string | undefined>)[spec.name]?.trim();
    const text = given || spec.default;
    if (!text) {
      if (spec.required)
        throw new InputError(`Input '${spec.name}' is required: ${spec.what ? `give ${spec.what}.` : firstSentence(spec.description)}`, { input: spec.name });
      out[spec.name] = spec.type === 'list' || spec.type === 'lines' ? [] : undefined;
      continue;
    }
    out[spec.name] = parseInputValue(spec, text);
  }
  return out as ParsedInputs<C>;
}

/** One value, read by its spec's type. */
export function parseInputValue(spec: InputSpec, text: string): unknown {
  const t = text.trim();
  const name = spec.name;
  const keyword = spec.keywords?.find((k) => k === t.toLowerCase());
  if (keyword) return keyword;
  switch (spec.type) {
    case 'string':
    case 'path':
    case 'uri':
      return t;
    case 'boolean':
      return parseBooleanText(t, name);
    case 'count':
      return parseCountText(t, name, spec.min ?? 0, spec.max ?? Number.MAX_SAFE_INTEGER);
    case 'number':
      return parseNumberText(t, name, spec.min, spec.max);
    case 'probability':
      return parseProbabilityText(t, name);
    case 'choice':
      return parseChoiceText(t, name, spec.choices ?? []);
    case 'list':
      return parseListText(t);
    case 'lines':
      return parseLinesText(t);
    case 'duration':
      return parseDurationText(t, name);
    case 'latency':
      return parseLatencyText(t, name);
    case 'size':
      return parseSizeText(t, name);
    case 'share':
      return parseShareText(t, name);
    case 'rate':
      return parseRateText(t, name);
  }
}

function firstSentence(description: string): string {
  const m = /^.*?[.!?](\s|$)/.exec(description);
  return (m ? m[0] : description)
    .trim()
    .replace(/^(\w)/, (c) => c.toLowerCase())
    .replace(/[^.!?]$/, (c) => `${c}.`);
}

/** true or false, in any case (as GitHub's getBooleanInput, plus mixed case). */
export function parseBooleanText(text: string, input: string): boolean {
  const t = text.trim().toLowerCase();
  if (t === 'true') return true;
  if (t === 'false') return false;
  throw new InputError(`Input '${input}' is '${text.trim()}'; write true or false.`, { input });
}

/** A whole number in [min, max], refused before anything is allocated for it. */
export function parseCountText(text: string, input: string, min: number, max: number): number {
  const v = Number(text.trim());
  if (!Number.isInteger(v) || v < min) throw new InputError(`Input '${input}' is '${text.trim()}'; give a whole number of at least ${min}.`, { input });
  if (v > max)
    throw new InputError(
      `Input '${input}' is ${text.trim()}, above the most modelci accepts (${max.toLocaleString('en-US')}); give a whole number from ${min} to ${max.toLocaleString('en-US')}.`,
      { input },
    );
  return v;
}

export function parseNumberText(text: string, input: string, min?: number, max?: number): number {
  const v = Number(text.trim().replace(/x$/i, ''));
  const range =
    min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `of at least ${min}` : max !== undefined ? `of at most ${max}` : '';
  if (!Number.isFinite(v) || (min !== undefined && v < min) || (max !== undefined && v > max)) {
    throw new InputError(`Input '${input}' is '${text.trim()}'; give a number${range ? ` ${range}` : ''}.`, { input });
  }
  return v;
}

export function parseProbabilityText(text: string, input: string): number {
  const t = text.trim();
  const percent = t.endsWith('%');
  const v = Number(percent ? t.slice(0, -1) : t) / (percent ? 100 : 1);
  if (!(v > 0 && v < 1)) throw new InputError(`Input '${input}' is '${t}'; give a probability strictly between 0 and 1, such as 0.05 or 5%.`, { input });
  return v;
}

export function parseChoiceText(text: string, input: string, choices: readonly string[]): string {
  const t = text.trim().toLowerCase();
  const found = choices.find((c) => c.toLowerCase() === t);
  if (found) return found;
  const near = closestName(t, choices);
  const quoted = choices.map((c) => `'${c}'`);
  const list = quoted.length === 2 ? `${quoted[0]} or ${quoted[1]}` : `one of ${quoted.join(', ')}`;
  throw new InputError(`Input '${input}' is '${text.trim()}'; use ${list}${near ? ` (did you mean '${near}'?)` : ''}.`, { input });
}

/** Names separated by commas or new lines; blanks dropped. */
export function parseListText(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** One item per line, `;` separating lines as well (a shell flag cannot easily hold new lines; YAML can, and both agree). */
export function parseLinesText(text: string): string[] {
  return text
    .split(/[\n;]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const TIME_UNITS: Record<string, number> = { us: 1e-3, µs: 1e-3, ms: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

function splitUnit(text: string): { value: number; unit: string } | undefined {
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([a-zA-Zµ%]*)\s*$/.exec(text);
  return m ? { value: Number(m[1]), unit: m[2].toLowerCase() } : undefined;
}

/** A span of time with its unit, in ms. A bare number is refused: seconds or milliseconds cannot be told apart. */
export function parseDurationText(text: string, input: string): number {
  const t = text.trim();
  const q = splitUnit(t);
  if (q && q.unit === '' && Number.isFinite(q.value)) throw new InputError(`Input '${input}' is '${t}': ${t} what? Write ${t}s, ${t}m or ${t}ms.`, { input });
  const factor = q ? TIME_UNITS[q.unit] : undefined;
  const ms = q && factor !== undefined ? q.value * factor : NaN;
  if (!(ms > 0) || !Number.isFinite(ms)) throw new InputError(`Input '${input}' is '${t}', not a duration; write e.g. 30s, 5m or 1h.`, { input });
  return ms;
}

/** A latency in ms: a bare number is milliseconds (the unit latencies are quoted in), or give a unit. */
export function parseLatencyText(text: string, input: string): number {
  const t = text.trim();
  const q = splitUnit(t);
  const factor = q ? (q.unit === '' ? 1 : TIME_UNITS[q.unit]) : undefined;
  const ms = q && factor !== undefined && !['m', 'min', 'h'].includes(q.unit) ? q.value * factor : NaN;
  if (!(ms > 0) || !Number.isFinite(ms))
    throw new InputError(`Input '${input}' is '${t}', not a latency; write e.g. 150 (milliseconds), 150ms or 0.2s.`, { input });
  return ms;
}

/** A size in bytes. A bare number is refused: 500 could be bytes, MB or MiB. */
export function parseSizeText(text: string, input: string): number {
  const t = text.trim();
  const q = splitUnit(t);
  if (q && q.unit === '' && Number.isFinite(q.value)) throw new InputError(`Input '${input}' is '${t}': ${t} what? Write ${t}MB or ${t}MiB.`, { input });
  let bytes = NaN;
  try {
    const parsed = parseQuantity(t, { input });
    if (parsed.dimension === 'bytes') bytes = parsed.value;
  } catch {
    // fall through to the sentence below
  }
  if (!(bytes > 0) || !Number.isFinite(bytes)) throw new InputError(`Input '${input}' is '${t}', not a size; write e.g. 500MB, 1.5GiB or 200kB.`, { input });
  return bytes;
}

/** A share between 0 and 1: `5%` or `0.05`. A bare number above 1 is refused with the two spellings. */
export function parseShareText(text: string, input: string): number {
  const t = text.trim();
  const q = splitUnit(t);
  if (!q || (q.unit !== '' && q.unit !== '%') || !Number.isFinite(q.value))
    throw new InputError(`Input '${input}' is '${t}', not a share; write e.g. 5% or 0.05.`, { input });
  if (q.unit === '' && q.value > 1) throw new InputError(`Input '${input}' is '${t}', above 1; for ${t}% write ${t}% or ${q.value / 100}.`, { input });
  const v = q.unit === '%' ? q.value / 100 : q.value;
  if (!(v >= 0 && v <= 1)) throw new InputError(`Input '${input}' is '${t}', outside 0..1; give a share such as 5% or 0.05.`, { input });
  return v;
}

/** A rate limit: a share, where a bare 1 (which would be 100%) is refused as well. */
export function parseRateText(text: string, input: string): number {
  const t = text.trim();
  const q = splitUnit(t);
  if (q && q.unit === '' && q.value >= 1)
    throw new InputError(`Input '${input}' is '${t}', which would mean ${q.value * 100}%; write ${t}% or ${q.value / 100}.`, { input });
  return parseShareText(t, input);
}

/**
 * An input this use needs (a flag the catalogue cannot mark required because other uses do not):
 * its trimmed value, or one sentence saying what to give, and with which other input when it is
 * needed only alongside that one.
 */
export function requireInput(value: string | undefined, input: string, what: string, options: { with?: string } = {}): string {
  const v = value?.trim();
  if (!v) throw new InputError(`Input '${input}' is required${options.with ? ` with '${options.with}'` : ''}: give ${what}.`, { input });
  return v;
}
