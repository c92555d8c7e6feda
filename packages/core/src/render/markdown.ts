/**
 * The Markdown every renderer writes, built from text it does not control (column, category,
 * class and file names, server answers, model metadata). Such text shows as written: never as
 * an image, a link, HTML, a heading, a list, math or a broken table. GitHub renders job summaries
 * as GitHub-flavoured Markdown and sanitises HTML afterwards; the escaping here keeps the
 * structure of the page ours.
 */

/**
 * Characters that start emphasis, code, links and images, entities, tables, headings, math;
 * `_` only where it can (inside a word, as in temp_max, it never emphasises), and `<` only
 * where it can open HTML or an autolink (before a letter, `/`, `!` or `?`; `<= 5` stays).
 */
const INLINE_SPECIAL = /[\\`*~[\]&|#$@]|<(?=[A-Za-z/!?])|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

/** Line breaks, shown as `\n` (a table row, list item or heading is one line). */
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/g;

/** Inline text that reads exactly as written; safe in a paragraph, a list item, a heading or a table cell. */
export function mdText(text: string): string {
  return text
    .replace(INLINE_SPECIAL, '\\$&')
    .replace(LINE_BREAK, '\\\\n')
    .replace(/(^|[^a-z0-9])(https?|ftp)(:\/\/)/gi, '$1$2\\$3') // no bare-URL autolink
    .replace(/\bwww\./gi, 'www\\.')
    .replace(/^(\s*)([-+=>])/, '$1\\$2') // no list, setext underline or quote at the start of a line
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** A code span holding any text: the fence is longer than any backtick run inside. */
export function mdCode(text: string): string {
  const body = text.replace(LINE_BREAK, '\\n');
  if (body === '') return '` `';
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || /^ .* $/.test(body) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A code span inside a table cell: GitHub splits a row at every unescaped pipe, code spans included. */
export function mdCodeCell(text: string): string {
  return mdCode(text).replace(/\|/g, '\\|');
}

/** A heading of Markdown that is already inline-safe (mdText, mdCode, our own words). */
export function mdHeading(level: 1 | 2 | 3 | 4 | 5 | 6, inline: string): string {
  return `${'#'.repeat(level)} ${inline.replace(LINE_BREAK, ' ')}`;
}

export type Align = 'left' | 'right';

/** A table of cells that are already inline-safe Markdown; a cell can never add a row. */
export function mdTable(header: string[], align: Align[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(LINE_BREAK, ' ')).join(' | ')} |`;
  const rule = `|${header.map((_, i) => (align[i] === 'right' ? '---:' : '---')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/**
 * A quoted label in a mermaid chart inside a ```mermaid fence: no quote or backslash to end the
 * string, no line break to end the statement or close the fence, no angle brackets for HTML.
 */
export function mermaidLabel(text: string): string {
  return JSON.stringify(text.replace(LINE_BREAK, ' ').replace(/["\\`<>]/g, ''));
}
