/**
 * A `modelci` command: its usage line, its flags (the step's input catalogue, so the flags are
 * the action's inputs by the same names, types and defaults), and what it runs. The help text
 * and "did you mean" come from the same table.
 */
import type { InputSpec } from '@modelci/core';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}

export interface Command {
  name: string;
  summary: string;
  /** After `modelci <name>`: e.g. `--reference <profile|data> --current <data> [flags]`. */
  usage: string;
  /** The step's inputs, as flags. */
  inputs: readonly InputSpec[];
  /** Output formats for --format; the first is the default. */
  formats: readonly string[];
  /** The input the one positional argument fills, if any. */
  positional?: string;
  /** Takes `-- <program> <args…>`: everything after `--`, as given, in flags['--'] (a JSON array). */
  takesCommand?: boolean;
  /** Flag names people bring from elsewhere (the seed's scripts) and the flag that means the same here. */
  aliases?: Readonly<Record<string, string>>;
  /** Returns the exit status (exit-codes.ts). */
  run(flags: Record<string, string>, io: CliIo): Promise<number>;
}

export class UsageError extends Error {}
