// The real stack canary-deploy runs against, on 127.0.0.1: Debian's HAProxy (master-worker, with
// a server-state file) in front of two ONNX model servers, Debian's Prometheus scraping them
// every second, and open-loop load of penguins through HAProxy. Composed from the haproxy,
// model-server, prometheus and load-generator helpers.
import { startHaproxy, type RunningHaproxy } from './haproxy.js';
import { penguinBodies, startLoad, type LoadGenerator } from './load-generator.js';
import type { ModelServer } from './model-server.js';
import { startPrometheus, type RunningPrometheus } from './prometheus.js';

export interface CanaryStack {
  stable: ModelServer;
  canary: ModelServer;
  haproxy: RunningHaproxy;
  prometheus: RunningPrometheus;
  /** The load running now; a test may stop it and start another (stop() stops whichever runs). */
  load: LoadGenerator;
  /** The router URI canary-deploy takes. */
  router: string;
  /** The weights HAProxy holds now, on its 0..256 scale. */
  weights(): Promise<{ stable: number; canary: number }>;
  stop(): Promise<void>;
}

/** Stable and canary serving the given models, 0% to the canary, `rate` requests/s running. */
export async function startCanaryStack(models: { stable: string; canary: string }, testCsv: string, rate: number): Promise<CanaryStack> {
  const haproxy = await startHaproxy({ models });
  const { stable, canary } = haproxy.servers!;
  const prometheus = await startPrometheus({ targets: [{ address: `127.0.0.1:${stable.port}` }, { address: `127.0.0.1:${canary.port}` }] });
  const load = startLoad({ url: `${haproxy.frontend}/predict`, rate, bodies: penguinBodies(testCsv) });
  await prometheus.waitForScrapes(2);
  const weight = async (server: string) => Number(/^(\d+)/.exec(await haproxy.command(`get weight model/${server}`))?.[1]);
  const stack: CanaryStack = {
    stable,
    canary,
    haproxy,
    prometheus,
    load,
    router: `haproxy://127.0.0.1:${haproxy.statsPort}/model?stable=stable&canary=canary`,
    weights: async () => ({ stable: await weight('stable'), canary: await weight('canary') }),
    stop: async () => {
      // The load running now: a test may have swapped it for another rate.
      await stack.load.stop();
      await prometheus.stop().catch(() => undefined);
      await haproxy.stop();
    },
  };
  return stack;
}
