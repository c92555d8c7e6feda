/**
 * The team's promote hook (`promote-command`): after the last step passes, it puts the new version
 * on the stable servers, as Flagger copies the canary's spec to its primary. Run without a shell
 * (execFile), like command-router.ts: `./deploy/promote.sh --env prod` runs ./deploy/promote.sh
 * with `--env prod`, and the model in MODELCI_MODEL_NAME, MODELCI_MODEL_VERSION, MODELCI_GIT_SHA.
 * Exit 0 when the stable servers run the new version; the rollout then checks them on the metrics
 * before moving all traffic back to them.
 */
import { execFile } from 'node:child_process';
import { InputError } from '../shared/errors.js';

/** Updating a fleet may take a while; a hook that hangs must still end. */
export const PROMOTE_TIMEOUT_MS = 15 * 60_000;

export type PromoteHook = (signal?: AbortSignal) => Promise<void>;

export function promoteHook(command: string, model: { name?: string; version?: string; gitSha?: string }): PromoteHook {
  const [file, ...args] = command.trim().split(/\s+/).filter(Boolean);
  if (!file)
    throw new InputError(`Input 'promote-command' is empty; give the script that puts the new version on the stable servers, e.g. ./deploy/promote.sh.`, {
      input: 'promote-command',
    });
  const env = { ...process.env, MODELCI_MODEL_NAME: model.name ?? '', MODELCI_MODEL_VERSION: model.version ?? '', MODELCI_GIT_SHA: model.gitSha ?? '' };
  return (signal) =>
    new Promise((resolve, reject) => {
      execFile(file, args, { env, timeout: PROMOTE_TIMEOUT_MS, maxBuffer: 1 << 20, signal }, (error, _stdout, stderr) => {
        if (!error) return resolve();
        const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: string | number };
        if (e.name === 'AbortError') return reject(error);
        if (e.code === 'ENOENT' || e.code === 'EACCES') {
          return reject(
            new InputError(`The promote-command '${file}' cannot be run (${e.code}); check the path and that the file is executable (chmod +x).`, {
              input: 'promote-command',
            }),
          );
        }
        const why = e.killed ? `was stopped after ${PROMOTE_TIMEOUT_MS / 60_000} min` : `exited with ${e.code}`;
        const last = stderr.trim().split('\n').pop()?.slice(0, 200);
        reject(new Error(`promote-command '${file}' ${why}${last ? `: ${last}` : ''}`));
      });
    });
}
