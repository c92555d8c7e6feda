import type { CliIo } from '../command.js';

/** JSON for machines, the rendered text for people. */
export function printResult(io: CliIo, format: string, value: unknown, text: string): void {
  io.stdout(format === 'json' ? JSON.stringify(value, null, 2) + '\n' : text);
}
