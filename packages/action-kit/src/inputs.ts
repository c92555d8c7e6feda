import * as core from '@actions/core';
import type { InputSpec } from '@modelci/core/shared';
import { maskSecrets } from './secrets.js';

/**
 * Read a step's inputs from its catalogue as the runner passes them (INPUT_<NAME>, spaces as
 * '_', upper-cased); empty ones are left out so the catalogue's defaults apply.
 */
export function readInputs(catalogue: readonly InputSpec[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, secret } of catalogue) {
    const value = core.getInput(name);
    if (value !== '') out[name] = value;
    // A credential input is masked whole, whatever it looks like (collectSecrets finds only URI credentials).
    if (secret && value.trim() !== '') core.setSecret(value.trim());
  }
  maskSecrets(out); // before anything is logged: the credentials in these inputs and the env
  return out;
}
