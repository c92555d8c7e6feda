/**
 * `modelci <command> [flags]`: find the command (or the nearest one), read its flags, run it,
 * and map what went wrong to one line on stderr and one exit status.
 */
import { closestName, isInputError, isPolicyError, isServiceError } from '@modelci/core';
import { UsageError, type CliIo } from './command.js';
import { COMMANDS } from './commands/index.js';
import { EXIT } from './exit-codes.js';
import { toFlagSyntax } from './flag-syntax.js';
import { commandHelp, overviewHelp } from './help.js';
import { parseFlags } from './parse-flags.js';

const HELP = new Set(['--help', '-h', 'help']);

export async function runCli(argv: string[], io: CliIo, version: string): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(overviewHelp(COMMANDS, version));
    return EXIT.badInput;
  }
  if (HELP.has(name)) {
    const about = rest[0] && COMMANDS.find((c) => c.name === rest[0]);
    io.stdout(about ? commandHelp(about, version) : overviewHelp(COMMANDS, version));
    return EXIT.passed;
  }
  if (name === '--version' || name === 'version') {
    io.stdout(`${version}\n`);
    return EXIT.passed;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const near = closestName(
      name,
      COMMANDS.map((c) => c.name),
    );
    return fail(
      io,
      EXIT.badInput,
      `unknown command '${name}'; ${near ? `did you mean '${near}'? The` : 'the'} commands are ${COMMANDS.map((c) => c.name).join(', ')} (modelci --help).`,
    );
  }
  if (rest.some((a) => a === '--help' || a === '-h')) {
    io.stdout(commandHelp(command, version));
    return EXIT.passed;
  }
  try {
    return await command.run(parseFlags(command, rest), io);
  } catch (e) {
    if (e instanceof UsageError || isInputError(e)) return fail(io, EXIT.badInput, toFlagSyntax(e.message));
    if (isServiceError(e)) return fail(io, EXIT.service, toFlagSyntax(e.message));
    if (isPolicyError(e)) return fail(io, EXIT.failed, toFlagSyntax(e.message));
    const err = e instanceof Error ? e : new Error(String(e));
    io.stderr(`modelci: unexpected error, a bug in modelci (please report it with this text): ${err.stack ?? err.message}\n`);
    return EXIT.bug;
  }
}

function fail(io: CliIo, code: number, message: string): number {
  io.stderr(`modelci: ${message}\n`);
  return code;
}
