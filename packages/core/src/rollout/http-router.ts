/**
 * The seed pipeline's router contract, for a team's own load balancer: `http(s)://lb:8080`,
 * `PUT {url}/routes/model/weights` with {"canary": w, "stable": 1 - w}, and a GET of the same
 * path for what it holds. (The seed's own rollback sent {"canary": 1, "stable": 0}: all traffic
 * to the canary. Here a rollback is setWeights(0).) user:password in the URI goes out as Basic
 * auth, to that origin only.
 */
import { ServiceError } from '../shared/errors.js';
import { HttpClient, type HttpResponse, type HttpTimeouts } from '../shared/http-client.js';
import { isRetryableStatus } from '../shared/http-failure.js';
import { shownUrl } from '../shared/http-origin.js';
import { checkCanaryWeight, registerRouter, type TrafficRouter, type Weights } from './traffic-router.js';

export const WEIGHTS_PATH = '/routes/model/weights';

export interface HttpRouterOptions {
  /** Per-phase limits of every call (defaults: shared/http-client's). */
  timeouts?: Partial<HttpTimeouts>;
  signal?: AbortSignal;
}

export class HttpRouter implements TrafficRouter {
  private readonly endpoint: string;
  private readonly shown: string;
  private readonly http: HttpClient;

  constructor(
    readonly uri: string,
    options: HttpRouterOptions = {},
  ) {
    this.endpoint = `${uri.replace(/\/+$/, '')}${WEIGHTS_PATH}`;
    this.shown = shownUrl(this.endpoint);
    // The rollout retries router calls itself (and rolls back when they keep failing): one try here.
    this.http = new HttpClient({
      service: 'the router',
      hint: 'check the router URI and that the load balancer is up',
      timeouts: options.timeouts,
      signal: options.signal,
      retries: 0,
    });
  }

  async setWeights(canary: number, signal?: AbortSignal): Promise<void> {
    checkCanaryWeight(canary);
    // Absolute weights: sending them twice is the same as once.
    const res = await this.http.request({
      method: 'PUT',
      url: this.endpoint,
      body: JSON.stringify({ canary, stable: 1 - canary }),
      headers: { 'Content-Type': 'application/json' },
      idempotent: true,
      signal,
    });
    if (res.status < 200 || res.status > 299) throw await this.failure(res, `PUT ${WEIGHTS_PATH}`);
    res.discard();
  }

  async getWeights(signal?: AbortSignal): Promise<Weights> {
    const res = await this.http.request({ method: 'GET', url: this.endpoint, signal });
    if (res.status < 200 || res.status > 299) throw await this.failure(res, `GET ${WEIGHTS_PATH}`);
    const text = await res.text();
    let body: { canary?: unknown; stable?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw this.nonsense(`answered GET with something that is not JSON ('${text.slice(0, 60)}')`);
    }
    const canary = Number(body?.canary);
    const stable = Number(body?.stable);
    if (!(canary >= 0 && canary <= 1 && stable >= 0 && stable <= 1)) throw this.nonsense(`holds weights ${JSON.stringify(body)}`);
    return { canary, stable };
  }

  private nonsense(what: string): ServiceError {
    return new ServiceError(`the router ${this.shown}`, `The router at ${this.shown} ${what}; it must return {"canary": <0..1>, "stable": <0..1>}.`);
  }

  private async failure(res: HttpResponse, what: string): Promise<ServiceError> {
    const text = (await res.text().catch(() => '')).trim().split('\n')[0].slice(0, 120);
    const retryable = isRetryableStatus(res.status);
    return new ServiceError(
      `the router ${this.shown}`,
      `The router at ${shownUrl(this.uri)} refused ${what} (HTTP ${res.status}${text ? `: ${text}` : ''}); ${retryable ? 'try again, or check the load balancer' : `check that it implements ${WEIGHTS_PATH}`}.`,
      { retryable },
    );
  }
}

registerRouter('http', (uri) => new HttpRouter(uri));
registerRouter('https', (uri) => new HttpRouter(uri));
