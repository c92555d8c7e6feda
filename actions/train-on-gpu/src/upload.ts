// The upload, through @actions/artifact (it needs ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL,
// which the runner gives JavaScript and container actions only: why this is not a composite).
import { DefaultArtifactClient } from '@actions/artifact';
import { join } from 'node:path';
import { ServiceError } from '@modelci/core/shared';

export const ARTIFACT_SERVICE = 'the GitHub Actions artifact service';

export interface UploadedArtifact {
  id: number;
  size: number;
  /** sha256 of the zip as uploaded, hex (as actions/upload-artifact gives it). */
  digest: string;
}

/** Why an upload cannot happen here (not on a GitHub runner), or undefined when it can. */
export function uploadUnavailable(env: NodeJS.ProcessEnv): string | undefined {
  const missing = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter((k) => !env[k]);
  if (missing.length === 0) return undefined;
  return `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set (the GitHub runner gives them to JavaScript actions only), so the artifact upload is skipped; the model and its TrainingRun report stay in the output folder.`;
}

export async function uploadOutputs(name: string, dir: string, files: string[], retentionDays: number): Promise<UploadedArtifact> {
  let uploaded: { id?: number; size?: number; digest?: string };
  try {
    uploaded = await new DefaultArtifactClient().uploadArtifact(
      name,
      files.map((f) => join(dir, f)),
      dir,
      { retentionDays },
    );
  } catch (e) {
    throw uploadFailed(name, dir, e);
  }
  // The toolkit returns an id only after FinalizeArtifact answered ok: without one, nothing was published.
  if (!uploaded.id || !uploaded.digest)
    throw new ServiceError(ARTIFACT_SERVICE, `Uploading artifact ${name} ended without an artifact id or digest; the model is still in ${dir} on this runner.`);
  return { id: uploaded.id, size: uploaded.size ?? 0, digest: uploaded.digest };
}

/** The toolkit's error as one sentence: what failed, whether a re-run can help, where the model is. */
function uploadFailed(name: string, dir: string, e: unknown): ServiceError {
  // The toolkit's messages run over several lines (a hint, a link); the first says what happened.
  const why = (e instanceof Error ? e.message : String(e)).split('\n')[0].replace(/[.\s]+$/, '');
  const status = Number(/\((\d{3})\)/.exec(why)?.[1]);
  const quota = /storage quota/i.test(why);
  const retryable = !quota && !/non-retryable|GHES/.test(why);
  const hint = quota
    ? 'the artifact storage quota is used up: delete old artifacts or lower retention-days'
    : status === 401 || status === 403
      ? "the service refused the job's runtime token (ACTIONS_RUNTIME_TOKEN); re-running will not help until the runner gives a valid one"
      : status === 409
        ? 'an artifact of this name already exists in the workflow run: give artifact-name a name unique to this job (e.g. add the matrix values)'
        : retryable
          ? 're-run the job to try again'
          : 're-running will not help';
  return new ServiceError(
    ARTIFACT_SERVICE,
    `Uploading artifact ${name} failed (${why}): ${hint}; the model and its TrainingRun report are still in ${dir} on this runner.`,
    {
      retryable,
      cause: e,
    },
  );
}
