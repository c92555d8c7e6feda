/** Help text, made from the command table and the catalogues, so it cannot disagree with the flags. */
import type { Command } from './command.js';
import { EXIT_HELP } from './exit-codes.js';
import { placeholder } from './parse-flags.js';

const WIDTH = 100;

export function commandHelp(c: Command, version: string): string {
  const lines = [`modelci ${version} — ${c.name}: ${c.summary}`, '', `Usage: modelci ${c.name} ${c.usage}`, '', 'Flags:'];
  const flag = (name: string, extra: string, description: string) => {
    const head = `  --${name} ${extra}`;
    lines.push(head);
    for (const l of wrap(description, WIDTH - 6)) lines.push(`      ${l}`);
  };
  for (const s of c.inputs) {
    if (s.name === c.positional) continue;
    const notes = [s.required ? 'required' : '', s.default !== undefined ? `default ${s.default}` : ''].filter(Boolean).join(', ');
    flag(s.name, `${placeholder(s.name, c)}${notes ? `  (${notes})` : ''}`, s.description);
  }
  flag('format', `${c.formats.join('|')}  (default ${c.formats[0]})`, 'What to print on stdout; the report file is written either way.');
  flag('help', '', 'This text.');
  if (c.aliases) {
    lines.push(
      '',
      'From the seed scripts: ' +
        Object.entries(c.aliases)
          .map(([from, to]) => `--${from} is --${to}`)
          .join(', ') +
        '.',
    );
  }
  lines.push('', EXIT_HELP, '');
  return lines.join('\n');
}

export function overviewHelp(commands: readonly Command[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `modelci ${version} — CI/CD for machine-learning models`,
    '',
    'Usage: modelci <command> [flags]      modelci <command> --help for its flags',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Data: CSV, TSV, JSON Lines or Parquet; a file, a directory or a glob (quote it).',
    "Flags have the names, types and defaults of the matching action's inputs.",
    '',
    EXIT_HELP,
    '',
  ].join('\n');
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
