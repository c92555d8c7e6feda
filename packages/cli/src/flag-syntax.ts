/**
 * Core's sentences name inputs as an action user writes them (`Input 'report-path'`,
 * `set force: true`). The CLI shows the same sentences in flag syntax (`--report-path`,
 * `--force true`), so a fix can be typed as read.
 */
export function toFlagSyntax(message: string): string {
  return message
    .replace(/\bInputs '([a-z0-9-]+)' and '([a-z0-9-]+)'/g, '--$1 and --$2')
    .replace(/\b[Ii]nput '([a-z0-9-]+)'/g, '--$1')
    .replace(/\bset ([a-z0-9-]+): ([^\s,;.)]+)/g, 'add --$1 $2');
}
