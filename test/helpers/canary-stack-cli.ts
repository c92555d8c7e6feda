// The canary stack as a process, for `npm run demo` (bundled with ncc there, like the test
// models): starts HAProxy, two model servers and Prometheus on 127.0.0.1, prints the router and
// metrics URIs as one JSON line, and stops everything when its stdin closes.
import { startCanaryStack } from './canary-stack.js';

const [stable, canary, testCsv, rate] = process.argv.slice(2);
if (!stable || !canary || !testCsv) {
  console.error('usage: canary-stack-cli <stable.onnx> <canary.onnx> <test.csv> [requests/s]');
  process.exit(2);
}
const stack = await startCanaryStack({ stable, canary }, testCsv, Number(rate ?? 40));
process.stdout.write(JSON.stringify({ router: stack.router, metrics: `prometheus+${stack.prometheus.url}` }) + '\n');
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  process.exit(0);
};
process.stdin.on('end', () => void stop());
process.stdin.on('close', () => void stop());
process.stdin.resume();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop());
