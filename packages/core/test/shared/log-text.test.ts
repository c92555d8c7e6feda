import { logText, withoutCommands } from '../../src/shared/log-text.js';

/** The workflow commands the runner would find in printed text, line by line (V2 `::` after blanks, legacy `##[` anywhere). */
function commands(stdout: string): string[] {
  return stdout.split(/\r\n|\r|\n/).flatMap((line) => {
    const v2 = /^::([A-Za-z-]+)[ :]/.exec(line.trimStart());
    if (v2) return [v2[1]];
    const v1 = /##\[([A-Za-z-]+)[\] ]/.exec(line);
    return v1 ? [v1[1]] : [];
  });
}

test.each([
  ['x\n::set-output name=drifted::false', 'x\\n::set-output name=drifted::false'],
  ['a\r::save-state name=finished::true', 'a\\r::save-state name=finished::true'],
  ['a\r\n::add-mask::x', 'a\\r\\n::add-mask::x'],
  ['::error::spoofed', '\\::error::spoofed'],
  ['   ::warning::spoofed', '   \\::warning::spoofed'],
  ['body ##[set-output name=drifted;]false', 'body ##\\[set-output name=drifted;]false'],
  ['bell\u0007 esc\u001b[31m nel\u0085 ls\u2028', 'bell\\x07 esc\\x1b[31m nel\\x85 ls\\u2028'],
  ['temp_max: p = 0.01 (http://[::1]:9090)', 'temp_max: p = 0.01 (http://[::1]:9090)'],
  ['tab\tkept', 'tab\tkept'],
])('%j', (input, shown) => {
  expect(logText(input)).toBe(shown);
  expect(commands(logText(input))).toEqual([]);
  expect(logText(logText(input))).toBe(logText(input));
});

test('a raw block between stop-commands and its token: commands inside are not run', () => {
  const token = 'a1b2c3d4e5f6a7b8c9d0';
  const printed = withoutCommands('report\n::set-output name=drifted::false\n', token);
  expect(printed).toBe(`::stop-commands::${token}\nreport\n::set-output name=drifted::false\n::${token}::\n`);
  const lines = printed.split('\n');
  expect(lines[0]).toBe(`::stop-commands::${token}`);
  expect(lines.at(-2)).toBe(`::${token}::`);
  expect(() => withoutCommands('x', 'short')).toThrow(/random token/);
  expect(() => withoutCommands(`x ${token}`, token)).toThrow(/its own token/);
});
