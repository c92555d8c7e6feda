import { closestName } from '@modelci/core';
import { UsageError, type Command } from './command.js';

/**
 * `--name value`, `--name=value`, and a bare `--name` for true/false flags. Unknown flags get the
 * nearest known one, and a flag from the seed's scripts gets the modelci flag that means the same.
 */
export function parseFlags(command: Command, argv: string[]): Record<string, string> {
  const dashDash = command.takesCommand ? argv.indexOf('--') : -1;
  const args = dashDash < 0 ? argv : argv.slice(0, dashDash);
  const specs = new Map(command.inputs.map((s) => [s.name, s]));
  const names = [...specs.keys(), 'format'];
  const flags: Record<string, string> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (!names.includes(name)) throw new UsageError(unknownFlag(command, name, names));
    let value: string | undefined = eq < 0 ? undefined : arg.slice(eq + 1);
    if (value === undefined) {
      const next = args[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i++;
      } else if (specs.get(name)?.type === 'boolean') {
        value = 'true';
      } else {
        throw new UsageError(`--${name} needs a value, e.g. --${name} ${placeholder(name, command)}; run 'modelci ${command.name} --help' for the flags.`);
      }
    }
    if (name in flags) throw new UsageError(`--${name} was given twice; give it once.`);
    flags[name] = value;
  }
  if (command.positional) {
    if (positionals.length !== 1) throw new UsageError(`give exactly one ${command.positional} path, e.g. modelci ${command.name} ${command.usage}`);
    flags[command.positional] = positionals[0];
  } else if (positionals.length > 0) {
    throw new UsageError(
      `modelci ${command.name} takes no argument '${positionals[0]}'; give values as flags, e.g. --${command.inputs[0].name} ${placeholder(command.inputs[0].name, command)}.`,
    );
  }
  const format = flags.format ?? command.formats[0];
  if (!command.formats.includes(format)) {
    const f = command.formats;
    throw new UsageError(`--format is '${format}'; use ${f.length === 1 ? f[0] : `${f.slice(0, -1).join(', ')} or ${f.at(-1)}`}.`);
  }
  flags.format = format;
  if (dashDash >= 0) flags['--'] = JSON.stringify(argv.slice(dashDash + 1));
  return flags;
}

function unknownFlag(command: Command, name: string, names: string[]): string {
  const alias = command.aliases?.[name];
  if (alias) return `modelci ${command.name} has no --${name} (a seed script's flag); the flag that means the same here is --${alias}.`;
  const near = closestName(name, names);
  return `unknown flag --${name} for modelci ${command.name}; ${near ? `did you mean --${near}? ` : ''}run 'modelci ${command.name} --help' for the flags.`;
}

export function placeholder(name: string, command: Command): string {
  const spec = command.inputs.find((s) => s.name === name);
  if (!spec) return '<text>';
  if (spec.type === 'choice' && spec.choices) return spec.choices.join('|');
  return {
    path: '<path>',
    uri: '<uri>',
    boolean: 'true|false',
    count: '<n>',
    number: '<x>',
    probability: '<p>',
    list: '<a,b>',
    lines: "'<a; b>'",
    duration: '<30s|5m>',
    latency: '<ms|150ms>',
    size: '<500MB>',
    share: '<5%>',
    rate: '<1%>',
    string: '<text>',
    choice: '<choice>',
  }[spec.type];
}
