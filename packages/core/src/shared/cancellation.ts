/**
 * An AbortSignal that fires on SIGINT or SIGTERM: Ctrl-C, and how the GitHub runner cancels a
 * step (SIGINT, then SIGTERM). The rollout loop hears it, rolls back, and returns.
 */
export function abortOnSignals(): AbortSignal {
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort(new Error(signal)));
  return controller.signal;
}
