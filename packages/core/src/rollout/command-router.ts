/**
 * The team's own script as the router: `command:./deploy/weights.sh` (words after the path are
 * passed first, e.g. `command:kubectl-weights --namespace prod`). It is run without a shell:
 *   <script> [args] set <canary> <stable>   moves traffic (weights 0..1; also in MODELCI_CANARY_WEIGHT
 *                                            and MODELCI_STABLE_WEIGHT); exit 0 when done
 *   <script> [args] get                      prints what the router holds, as {"canary": w, "stable": 1 - w}
 *                                            or as two numbers "canary stable"
 * A non-zero exit is a refusal; its last line of stderr is shown.
 */
import { execFile } from 'node:child_process';
import { InputError } from '../shared/errors.js';
import { checkCanaryWeight, registerRouter, type TrafficRouter, type Weights } from './traffic-router.js';

/** A script that hangs must not hang the rollout. */
const COMMAND_TIMEOUT_MS = 60_000;

export class CommandRouter implements TrafficRouter {
  private readonly file: string;
  private readonly args: string[];

  constructor(readonly uri: string) {
    const words = uri
      .replace(/^command:(\/\/)?/i, '')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    if (words.length === 0)
      throw new InputError(`Router '${uri}' names no command; write command:<path to script>, e.g. command:./deploy/set-weights.sh.`, { input: 'router' });
    [this.file, ...this.args] = words;
  }

  async setWeights(canary: number): Promise<void> {
    checkCanaryWeight(canary);
    const stable = 1 - canary;
    await this.run(['set', String(canary), String(stable)], { MODELCI_CANARY_WEIGHT: String(canary), MODELCI_STABLE_WEIGHT: String(stable) });
  }

  async getWeights(): Promise<Weights> {
    const out = (await this.run(['get'], {})).trim();
    let canary: number;
    let stable: number;
    if (out.startsWith('{')) {
      let body: { canary?: unknown; stable?: unknown } | undefined;
      try {
        body = JSON.parse(out) as typeof body;
      } catch {
        /* shown below */
      }
      canary = Number(body?.canary);
      stable = Number(body?.stable);
    } else {
      [canary, stable] = out.split(/\s+/).map(Number);
    }
    if (!(canary >= 0 && canary <= 1 && stable >= 0 && stable <= 1)) {
      throw new InputError(
        `'${this.file} get' printed '${out.slice(0, 80)}'; it must print {"canary": <0..1>, "stable": <0..1>} or two numbers, canary then stable.`,
        { input: 'router' },
      );
    }
    return { canary, stable };
  }

  private run(args: string[], env: Record<string, string>): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(
        this.file,
        [...this.args, ...args],
        { env: { ...process.env, ...env }, timeout: COMMAND_TIMEOUT_MS, maxBuffer: 1 << 20 },
        (error, stdout, stderr) => {
          if (!error) return resolve(stdout);
          const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: string | number };
          if (e.code === 'ENOENT' || e.code === 'EACCES') {
            return reject(
              new InputError(
                `The router command '${this.file}' cannot be run (${e.code}); check the path in the router input and that the file is executable (chmod +x).`,
                { input: 'router' },
              ),
            );
          }
          const why = e.killed ? `was stopped after ${COMMAND_TIMEOUT_MS / 1000} s` : `exited with ${e.code}`;
          const last = stderr.trim().split('\n').pop()?.slice(0, 200);
          reject(new InputError(`The router command '${this.file} ${args[0]}' ${why}${last ? `: ${last}` : ''}.`, { input: 'router' }));
        },
      );
    });
  }
}

registerRouter('command', (uri) => new CommandRouter(uri));
