/**
 * What must be masked in a job's log before anything is printed: the credentials modelci's
 * adapters read from the environment, and those written into URIs (user:password@, ?api_key=).
 * Pure: the action kit hands each string to core.setSecret.
 */
import { uriCredentials } from './redact-uri.js';

/** The variables the registry, MLflow and metrics adapters read credentials from. */
export const CREDENTIAL_ENV = [
  'MODELCI_REGISTRY_USERNAME',
  'MODELCI_REGISTRY_PASSWORD',
  'MODELCI_REGISTRY_TOKEN',
  'MLFLOW_TRACKING_TOKEN',
  'MLFLOW_TRACKING_USERNAME',
  'MLFLOW_TRACKING_PASSWORD',
  'PROMETHEUS_TOKEN',
  'PROMETHEUS_USERNAME',
  'PROMETHEUS_PASSWORD',
  'GITHUB_TOKEN',
  'WANDB_API_KEY', // train-on-gpu passes it through to the trainer
] as const;

/** Any other MODELCI_* variable named like a credential (one an adapter may read later). */
const CREDENTIAL_ENV_NAME = /^MODELCI_\w*(TOKEN|PASSWORD|SECRET|KEY)$/;

/**
 * The secret strings in these input values and this environment: each credential variable's
 * value, and every credential in a URI of an input or a variable (a proxy URL, MLFLOW_TRACKING_URI).
 * A multi-line value is also masked line by line, as the runner matches lines.
 */
export function collectSecrets(values: Iterable<string | undefined>, env: Record<string, string | undefined> = {}): string[] {
  const found: string[] = [];
  for (const value of values) if (value) found.push(...uriCredentials(value));
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if ((CREDENTIAL_ENV as readonly string[]).includes(name) || CREDENTIAL_ENV_NAME.test(name)) found.push(value);
    else found.push(...uriCredentials(value));
  }
  const lines = found.flatMap((s) => [s, ...(/[\r\n]/.test(s) ? s.split(/\r?\n|\r/) : [])]);
  return [...new Set(lines.map((s) => s.trim()).filter((s) => s !== ''))];
}
