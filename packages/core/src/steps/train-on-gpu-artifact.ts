/**
 * The artifact's line in train-on-gpu's job summary, after the shell tried the upload (core never
 * imports @actions/artifact): what was published, or why nothing was. The name is the user's text.
 */
import { mdCode, mdText } from '../render/markdown.js';
import { bytes } from '../shared/http-body.js';

/** The TrainingRun report's file name in the output folder: uploaded with the trainer's files. */
export { TRAINING_RUN_FILE } from '../training/training-run.js';

export type ArtifactResult =
  | { state: 'uploaded'; name: string; id: number; size: number; digest: string; retentionDays: number }
  | { state: 'skipped' | 'failed'; name: string; why: string };

export function renderArtifactMarkdown(a: ArtifactResult): string {
  if (a.state === 'uploaded')
    return `📦 Artifact ${mdCode(a.name)} uploaded: id ${a.id}, ${bytes(a.size)}, sha256 ${mdCode(a.digest)}, kept ${a.retentionDays} days.\n`;
  const head = a.state === 'skipped' ? '📦 Artifact not uploaded' : '❌ Artifact upload failed';
  return `${head} (${mdCode(a.name)}): ${mdText(a.why)}\n`;
}
