import { InputError, parseCanaryPolicy, parseDuration, parseWeight } from '../../src/index.js';

const bad = (f: () => unknown): InputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
};

test('the defaults are the seed pipeline: 5%, +10% every 5 minutes up to 95%, then promotion; 1% errors, 150 ms p99', () => {
  const p = parseCanaryPolicy({});
  expect(p.steps).toEqual([0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95]);
  expect(p.intervalMs).toBe(300_000);
  expect(p.checkIntervalMs).toBe(30_000);
  expect(p.maxErrorRate).toBe(0.01);
  expect(p.maxLatencyP99Ms).toBe(150);
  expect(p.maxLatencyRatio).toBeNull();
  expect(p.falseRollbackRate).toBe(0.01);
  expect(p.minRequests).toBe(50);
  expect(p.failedChecks).toBe(2);
  // Twice the planned ten steps of five minutes.
  expect(p.timeoutMs).toBe(2 * 10 * 300_000);
  expect(p.dryRun).toBe(false);
  expect(p.resume).toBe(true);
});

test('weights as percentages or fractions; a max-weight below 100% is the last step before promotion', () => {
  expect(parseCanaryPolicy({ 'initial-weight': '0.1', 'step-weight': '20%', 'max-weight': '50%' }).steps).toEqual([0.1, 0.3, 0.5]);
  expect(parseCanaryPolicy({ 'initial-weight': '10%', 'step-weight': '25%', 'max-weight': '0.5' }).steps).toEqual([0.1, 0.35, 0.5]);
  expect(parseCanaryPolicy({ steps: '1%, 5%, 25% 50%' }).steps).toEqual([0.01, 0.05, 0.25, 0.5]);
  expect(parseCanaryPolicy({ 'max-latency-p99': 'none' }).maxLatencyP99Ms).toBeNull();
  expect(parseCanaryPolicy({ 'max-latency-p99': '0.2s', 'max-latency-ratio': '1.5x', timeout: '1h' })).toMatchObject({
    maxLatencyP99Ms: 200,
    maxLatencyRatio: 1.5,
    timeoutMs: 3_600_000,
  });
  expect(parseWeight('100%', 'w')).toBe(1);
  // The seed's bare 150 is milliseconds here as in quality-gates, not seconds.
  expect(parseCanaryPolicy({ 'max-latency-p99': '150' }).maxLatencyP99Ms).toBe(150);
  expect(() => parseDuration('90', 'd')).toThrow("Input 'd' is '90': 90 what? Write 90s, 90m or 90ms.");
  expect(parseDuration('250ms', 'd')).toBe(250);
});

test.each([
  [{ 'initial-weight': '5' }, 'initial-weight', "Input 'initial-weight' is '5', above 1; for 5% write 5% or 0.05."],
  [{ 'step-weight': '150%' }, 'step-weight', "Input 'step-weight' is '150%', outside 0..1; give a share such as 5% or 0.05."],
  [{ 'initial-weight': '-0.1' }, 'initial-weight', "Input 'initial-weight' is '-0.1', outside 0..1; give a share such as 5% or 0.05."],
  [{ 'initial-weight': 'five' }, 'initial-weight', "Input 'initial-weight' is 'five', not a share; write e.g. 5% or 0.05."],
  [{ steps: '5%, 25%, 20%' }, 'steps', "Input 'steps' does not increase: 20% comes after 25%; list the canary's shares in rising order, e.g. 5%, 25%, 50%."],
  [{ steps: '5%, 5%' }, 'steps', "Input 'steps' does not increase: 5% comes after 5%; list the canary's shares in rising order, e.g. 5%, 25%, 50%."],
  [{ steps: '0, 50%' }, 'steps', "Input 'steps' has a step of 0; every step must send the canary some traffic (e.g. 5%, 25%, 50%)."],
  [{ steps: '10%, 80%', 'max-weight': '50%' }, 'steps', "Input 'steps' goes up to 80%, above max-weight 50%; drop the larger steps or raise max-weight."],
  [{ 'initial-weight': '60%', 'max-weight': '50%' }, 'initial-weight', "Input 'initial-weight' (60%) is above max-weight (50%); lower it or raise max-weight."],
  [
    { 'step-weight': '0%' },
    'step-weight',
    "Input 'step-weight' is 0: the canary would never move past 5%; give a step such as 10%, or list the shares in 'steps'.",
  ],
  [{ interval: 'soon' }, 'interval', "Input 'interval' is 'soon', not a duration; write e.g. 30s, 5m or 1h."],
  [
    { interval: '1m', 'check-interval': '2m' },
    'check-interval',
    "Input 'check-interval' (2m) is longer than 'interval' (1m): a step would end before its first check; make check-interval at most the step interval.",
  ],
  [{ 'max-error-rate': '0' }, 'max-error-rate', "Input 'max-error-rate' is 0: every error would fail the canary; give a rate such as 1%."],
  [{ 'false-rollback-rate': '60%' }, 'false-rollback-rate', "Input 'false-rollback-rate' is '60%'; give a small chance strictly between 0 and 50%, e.g. 1%."],
  [{ 'error-rate-ratio': '1' }, 'error-rate-ratio', "Input 'error-rate-ratio' is '1'; give a factor above 1, e.g. 1.5 or 2x."],
  [{ 'min-requests': '2.5' }, 'min-requests', "Input 'min-requests' is '2.5'; give a whole number of at least 1."],
  [{ 'max-error-rate': '1' }, 'max-error-rate', "Input 'max-error-rate' is '1', which would mean 100%; write 1% or 0.01."],
  [{ interval: '300' }, 'interval', "Input 'interval' is '300': 300 what? Write 300s, 300m or 300ms."],
  [{ 'dry-run': 'yes' }, 'dry-run', "Input 'dry-run' is 'yes'; write true or false."],
])('bad policy %j: one sentence naming the input', (req, input, message) => {
  const e = bad(() => parseCanaryPolicy(req));
  expect(e.message).toBe(message);
  expect(e.where.input).toBe(input);
});
