// The upload, through @actions/artifact (it needs ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL,
// which the runner gives JavaScript and container actions only: why this is not a composite).
import { DefaultArtifactClient } from '@actions/artifact';
import { join } from 'node:path';
import { ServiceError } from '@modelci/core/shared';

export async function uploadOutputs(
  name: string,
  dir: string,
  files: string[],
  retentionDays: number,
): Promise<{ id?: number; size?: number; digest?: string }> {
  try {
    return await new DefaultArtifactClient().uploadArtifact(
      name,
      files.map((f) => join(dir, f)),
      dir,
      { retentionDays },
    );
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ServiceError(
      'the GitHub Actions artifact service',
      `Uploading artifact ${name} failed: ${why}; the model is still in ${dir} on this runner, re-run the job to try again.`,
      { retryable: true, cause: e },
    );
  }
}
