/**
 * register-model's promotion policy: which aliases are protected (case does not matter), and
 * whether a GateVerdict really passed: its own `passed`, and every gate and check in it, so a
 * verdict whose `passed: true` contradicts its checks is not trusted.
 */
import { InputError } from '../shared/errors.js';

export const DEFAULT_PROTECTED_ALIASES = ['production', 'prod', 'champion'];

export function isProtectedAlias(alias: string, protectedAliases: readonly string[]): boolean {
  return protectedAliases.some((p) => p.toLowerCase() === alias.toLowerCase());
}

export interface VerdictOutcome {
  passed: boolean;
  /** Why it did not pass, as a clause ("gate 'accuracy >= 0.9' failed"); undefined when it passed. */
  why?: string;
}

interface Item {
  passed?: unknown;
  gate?: unknown;
  name?: unknown;
}

/** Checks a modelci/gate-verdict@1 document's shape (file names the input it came from). */
export function verdictOutcome(document: Record<string, unknown>, file: string, input: string): VerdictOutcome {
  const gates = document.gates;
  const checks = document.checks ?? [];
  const items = (v: unknown): v is Item[] => Array.isArray(v) && v.every((i) => typeof i === 'object' && i !== null && typeof (i as Item).passed === 'boolean');
  if (typeof document.passed !== 'boolean' || !items(gates) || !items(checks)) {
    throw new InputError(
      `The ${input} file ${file} is not a complete GateVerdict: it needs "passed" (true or false), "gates" and "checks" (each with "passed"); give the file the quality-gates step wrote.`,
      { input, file },
    );
  }
  const failed = [
    ...gates.filter((g) => g.passed !== true).map((g) => `gate '${String(g.gate ?? '?')}'`),
    ...checks.filter((c) => c.passed !== true).map((c) => `check '${String(c.name ?? '?')}'`),
  ];
  if (document.passed !== true) return { passed: false, why: failed.length > 0 ? `its verdict failed (${failed.join(', ')})` : 'its verdict failed' };
  if (gates.length === 0) return { passed: false, why: 'its verdict says passed but holds no gate' };
  if (failed.length > 0) return { passed: false, why: `its verdict says passed but ${failed.join(', ')} failed` };
  return { passed: true };
}
