/**
 * Untrusted text in a log line (column and category names, file names, server bodies, model
 * names) must never become a workflow command. The runner reads stdout line by line (\n, \r or
 * \r\n ends one), takes a line whose first non-blank characters are `::` as a command, and also
 * takes a legacy `##[command]` anywhere in a line. So: line breaks and other control characters
 * are shown as escapes (`\n`, `\x1b`), a leading `::` as `\::`, and `##[` as `##\[`.
 * Applying it twice changes nothing.
 */
export function logText(text: string): string {
  return text
    .replace(LINE_BREAK_OR_CONTROL, controlEscape)
    .replace(/##\[/g, '##\\[')
    .replace(/^(\s*)::/, '$1\\::');
}

// Control characters are what this matches, on purpose.
// eslint-disable-next-line no-control-regex
const LINE_BREAK_OR_CONTROL = /\r\n|[\r\n\u0085\u2028\u2029]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const NAMED: Record<string, string> = { '\r\n': '\\r\\n', '\n': '\\n', '\r': '\\r' };

function controlEscape(c: string): string {
  if (NAMED[c]) return NAMED[c];
  const code = c.charCodeAt(0);
  return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
}

/**
 * A block printed as it is (a report, a server's answer) between `::stop-commands::<token>` and
 * `::<token>::`: the runner runs no command inside it. The token must be unguessable (random per
 * block), or the block could end the pause itself.
 */
export function withoutCommands(block: string, token: string): string {
  if (!/^[A-Za-z0-9_-]{16,}$/.test(token)) throw new Error('withoutCommands needs a random token of at least 16 letters, digits, - or _');
  if (block.includes(token)) throw new Error('withoutCommands: the block contains its own token');
  return `::stop-commands::${token}\n${block.replace(/\n$/, '')}\n::${token}::\n`;
}
