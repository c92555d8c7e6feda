import * as core from '@actions/core';
import { collectSecrets } from '@modelci/core/shared';

/**
 * Mask every credential in these inputs and the step's environment (core.setSecret), so that
 * the runner hides it wherever it is printed later. Called once, as the inputs are read, before
 * anything is logged. Returns what it masked, for tests.
 */
export function maskSecrets(inputs: Record<string, string | undefined>, env: Record<string, string | undefined> = process.env): string[] {
  const secrets = collectSecrets(Object.values(inputs), env);
  for (const secret of secrets) core.setSecret(secret);
  return secrets;
}
