import * as core from '@actions/core';
import { maskSecrets } from './secrets.js';

/** Read the named inputs as the runner passes them (INPUT_<NAME> with spaces as '_', upper-cased). */
export function readInputs<K extends string>(names: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = core.getInput(name);
    if (value !== '') out[name] = value;
  }
  maskSecrets(out); // before anything is logged: the credentials in these inputs and the env
  return out;
}
