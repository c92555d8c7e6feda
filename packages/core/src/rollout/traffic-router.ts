/**
 * The TrafficRouter port: how canary-deploy moves live traffic between the stable and the canary
 * version, and reads back what the router actually holds. One adapter per file, picked from the
 * router URI (`haproxy://…`, `http://…`, `command:…`).
 */
import { redactUri } from '../shared/redact-uri.js';
import { InputError } from '../shared/errors.js';

export interface Weights {
  /** Share of requests to the canary, 0..1; stable gets the rest. */
  canary: number;
  stable: number;
}

export interface TrafficRouter {
  readonly uri: string;
  /** Sends `canary` of the traffic to the canary and the rest to stable; `signal` (the step's cancellation) stops the call. */
  setWeights(canary: number, signal?: AbortSignal): Promise<void>;
  /** What the router holds now (after a reload it may differ from what was set). */
  getWeights(signal?: AbortSignal): Promise<Weights>;
}

export type RouterFactory = (uri: string) => TrafficRouter;
const FACTORIES = new Map<string, RouterFactory>();

export function registerRouter(scheme: string, factory: RouterFactory): void {
  FACTORIES.set(scheme, factory);
}

export function openRouter(uri: string, input = 'router'): TrafficRouter {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1].toLowerCase();
  const factory = scheme ? FACTORIES.get(scheme) : undefined;
  if (!factory) {
    throw new InputError(
      `Router '${redactUri(uri)}' has ${scheme ? `the type '${scheme}', which modelci does not know` : 'no type'}; use ${[...FACTORIES.keys()].map((s) => (s === 'command' ? 'command:<script>' : `${s}://…`)).join(', ')}.`,
      { input },
    );
  }
  return factory(uri);
}

export function checkCanaryWeight(canary: number, input = 'weight'): void {
  if (!(Number.isFinite(canary) && canary >= 0 && canary <= 1)) {
    throw new InputError(`A canary weight of ${canary} is outside 0..1; give the share of traffic, e.g. 0.05 for 5%.`, { input });
  }
}
