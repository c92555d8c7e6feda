/**
 * One input of a step, described once: the action's input, the CLI's flag and its help line all
 * come from this. `type` decides how the text is read (shared/parse-input.ts) and so what the
 * step receives.
 */
export type InputType =
  /** Text as given (trimmed). */
  | 'string'
  /** A file or folder path. */
  | 'path'
  /** A URI; credentials inside it are masked and never printed. */
  | 'uri'
  /** true or false. */
  | 'boolean'
  /** A whole number within [min, max]. */
  | 'count'
  /** A finite number. */
  | 'number'
  /** A probability strictly between 0 and 1 (a significance level). */
  | 'probability'
  /** One of `choices`, case-insensitive. */
  | 'choice'
  /** Names separated by commas or new lines. */
  | 'list'
  /** One item per line; `;` separates lines too, in both shells. */
  | 'lines'
  /** A span of time with its unit (30s, 5m, 1h, 250ms); a bare number is refused. */
  | 'duration'
  /** A latency: a bare number is milliseconds (150 = 150ms), units accepted (0.2s). */
  | 'latency'
  /** A size with its unit (500MB, 1.5GiB); a bare number is refused. */
  | 'size'
  /** A share between 0 and 1: 5% or 0.05; a bare number above 1 is refused. */
  | 'share'
  /** A rate limit: like share, and a bare 1 (100%) is refused as well, since it is almost always meant as 1%. */
  | 'rate';

export interface InputSpec {
  readonly name: string;
  readonly type: InputType;
  readonly description: string;
  /** As the user would type it; action.yml carries the same default. */
  readonly default?: string;
  readonly required?: boolean;
  /** For a required input: what to give, in the sentence that says it is missing. */
  readonly what?: string;
  readonly choices?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** A credential: masked (core.setSecret) before anything is logged. */
  readonly secret?: boolean;
  /** Words besides a value that the input accepts as they are (e.g. `none` for max-latency-p99). */
  readonly keywords?: readonly string[];
}

type Scalar<S extends InputSpec> = S['type'] extends 'boolean'
  ? boolean
  : S['type'] extends 'count' | 'number' | 'probability' | 'duration' | 'latency' | 'size' | 'share' | 'rate'
    ? number
    : S['type'] extends 'list' | 'lines'
      ? string[]
      : string;

type Value<S extends InputSpec> = S['keywords'] extends readonly string[] ? Scalar<S> | S['keywords'][number] : Scalar<S>;

/** What a step receives: every input read by its type; those without a default may be absent. */
export type ParsedInputs<C extends readonly InputSpec[]> = {
  [S in C[number] as S['name']]: S['type'] extends 'list' | 'lines'
    ? string[]
    : S extends { default: string }
      ? Value<S>
      : S extends { required: true }
        ? Value<S>
        : Value<S> | undefined;
};

/** What a shell passes in: the raw text of each input it was given, by input name. */
export type RawInputs<C extends readonly InputSpec[]> = Partial<Record<C[number]['name'], string>>;
