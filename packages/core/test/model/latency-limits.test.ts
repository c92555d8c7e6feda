// `--latency-runs 1e12` once reached new Float64Array(1e12), a RangeError stack trace: refuse
// counts past the maximum with a sentence before anything is allocated or run.
import { MAX_LATENCY_RUNS, measureLatency, timeRuns } from '../../src/model/measure-latency.js';
import type { FeedPlan } from '../../src/model/input-mapping.js';
import type { ModelSession } from '../../src/model/model-session.js';
import { InputError } from '../../src/shared/errors.js';

const untouchable = new Proxy(
  {},
  {
    get: () => {
      throw new Error('nothing may run before the limits are checked');
    },
  },
);
const session = untouchable as ModelSession;
const plan = untouchable as FeedPlan;

test.each([
  [
    { runs: 1e12 },
    'latency-runs',
    "Input 'latency-runs' is 1000000000000: at most 1,000,000 timed runs are allowed; give a smaller number (the default is 1000).",
  ],
  [
    { runs: Infinity },
    'latency-runs',
    "Input 'latency-runs' is Infinity: at most 1,000,000 timed runs are allowed; give a smaller number (the default is 1000).",
  ],
  [
    { warmupRuns: 1e9 },
    'warmup-runs',
    "Input 'warmup-runs' is 1000000000: at most 100,000 warm-up runs are allowed; give a smaller number (the default is 50).",
  ],
])('refuses %o naming the input', async (options, input, message) => {
  const e = await measureLatency(session, plan, options).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(InputError);
  expect((e as InputError).message).toBe(message);
  expect((e as InputError).where).toEqual({ input });
});

test('timeRuns refuses too many runs too', async () => {
  await expect(timeRuns(session, [], MAX_LATENCY_RUNS + 1)).rejects.toBeInstanceOf(InputError);
});
