/**
 * The seed pipeline's router contract, for a team's own load balancer: `http(s)://lb:8080`,
 * `PUT {url}/routes/model/weights` with {"canary": w, "stable": 1 - w}, and a GET of the same
 * path for what it holds. (The seed's own rollback sent {"canary": 1, "stable": 0}: all traffic
 * to the canary. Here a rollback is setWeights(0).)
 */
import { redactUri } from '../shared/redact-uri.js';
import { InputError } from '../shared/errors.js';
import { checkCanaryWeight, registerRouter, type TrafficRouter, type Weights } from './traffic-router.js';

export const WEIGHTS_PATH = '/routes/model/weights';

export class HttpRouter implements TrafficRouter {
  private readonly endpoint: string;

  constructor(readonly uri: string) {
    this.endpoint = `${uri.replace(/\/+$/, '')}${WEIGHTS_PATH}`;
  }

  async setWeights(canary: number): Promise<void> {
    checkCanaryWeight(canary);
    const res = await this.fetch('PUT', JSON.stringify({ canary, stable: 1 - canary }));
    if (!res.ok) throw await this.failure(res, `PUT ${WEIGHTS_PATH}`);
  }

  async getWeights(): Promise<Weights> {
    const res = await this.fetch('GET');
    if (!res.ok) throw await this.failure(res, `GET ${WEIGHTS_PATH}`);
    const text = await res.text();
    let body: { canary?: unknown; stable?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new InputError(redactUri(`The router at ${this.endpoint} answered GET with something that is not JSON ('${text.slice(0, 60)}'); it must return {"canary": <0..1>, "stable": <0..1>}.`), { input: 'router' });
    }
    const canary = Number(body?.canary);
    const stable = Number(body?.stable);
    if (!(canary >= 0 && canary <= 1 && stable >= 0 && stable <= 1)) {
      throw new InputError(redactUri(`The router at ${this.endpoint} holds weights ${JSON.stringify(body)}; it must return {"canary": <0..1>, "stable": <0..1>}.`), { input: 'router' });
    }
    return { canary, stable };
  }

  private async fetch(method: 'GET' | 'PUT', body?: string): Promise<Response> {
    try {
      return await fetch(this.endpoint, { method, body, headers: body ? { 'Content-Type': 'application/json' } : {} });
    } catch (e) {
      const c = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new InputError(redactUri(`Cannot reach the router at ${this.endpoint} (${c?.code ?? c?.message ?? (e as Error).message}); check the router URI and that the load balancer is up.`), { input: 'router' });
    }
  }

  private async failure(res: Response, what: string): Promise<InputError> {
    const text = (await res.text().catch(() => '')).trim().split('\n')[0].slice(0, 120);
    return new InputError(redactUri(`The router at ${this.uri} refused ${what} (HTTP ${res.status}${text ? `: ${text}` : ''}); check that it implements ${WEIGHTS_PATH}.`), { input: 'router' });
  }
}

registerRouter('http', (uri) => new HttpRouter(uri));
registerRouter('https', (uri) => new HttpRouter(uri));
