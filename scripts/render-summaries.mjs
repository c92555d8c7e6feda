// Renders every report kind's job summary as GitHub shows it (GFM tables and headings, mermaid 11
// charts) in light and dark mode, and screenshots each page with Debian's headless Chromium, to
// look at: `node scripts/render-summaries.mjs` (apt-get install chromium). Not part of CI.
// The summaries come from the mermaid parse test's samples (packages/core/test/render/summary-samples.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, '.summaries');
const mdDir = join(out, 'md');
rmSync(out, { recursive: true, force: true });
mkdirSync(mdDir, { recursive: true });

// Jest needs Node 24 here (jsdom's dependencies are ESM loaded with require): node_modules/.bin/node.
const jest = spawnSync(join(root, 'node_modules/.bin/node'), [join(root, 'node_modules/jest/bin/jest.js'), 'packages/core/test/render/mermaid-parse.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: '--experimental-vm-modules', MODELCI_SUMMARIES_OUT: mdDir },
});
if (jest.status !== 0) process.exit(jest.status ?? 2);

const mermaidJs = `file://${join(root, 'node_modules/mermaid/dist/mermaid.min.js')}`;
// GitHub's Primer colours for Markdown in each mode; mermaid gets GitHub's theme for it.
const MODES = {
  light: { bg: '#ffffff', fg: '#1f2328', border: '#d1d9e0', muted: '#59636e', stripe: '#f6f8fa', link: '#0969da', theme: 'default' },
  dark: { bg: '#0d1117', fg: '#e6edf3', border: '#3d444d', muted: '#9198a1', stripe: '#151b23', link: '#4493f8', theme: 'dark' },
};
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
marked.use({
  gfm: true,
  renderer: {
    code({ text, lang }) {
      return lang === 'mermaid' ? `<pre class="mermaid">${escapeHtml(text)}</pre>` : `<pre><code>${escapeHtml(text)}</code></pre>`;
    },
  },
});

function page(md, m) {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body { background: ${m.bg}; color: ${m.fg}; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; margin: 0; }
main { max-width: 980px; padding: 24px 16px; }
a { color: ${m.link}; }
table { border-collapse: collapse; display: block; max-width: 100%; overflow: auto; margin: 0 0 16px; }
th, td { border: 1px solid ${m.border}; padding: 6px 13px; }
tr:nth-child(2n) { background: ${m.stripe}; }
code { background: ${m.stripe}; border-radius: 6px; padding: .2em .4em; font: 85% ui-monospace, monospace; }
pre { background: ${m.stripe}; padding: 16px; overflow: auto; }
pre.mermaid { background: none; }
blockquote { color: ${m.muted}; border-left: .25em solid ${m.border}; margin: 0 0 16px; padding: 0 1em; }
h2 { border-bottom: 1px solid ${m.border}; padding-bottom: .3em; }
</style></head><body><main>${marked.parse(md)}</main>
<script src="${mermaidJs}"></script>
<script>mermaid.initialize({ startOnLoad: true, theme: '${m.theme}' });</script>
</body></html>`;
}

const chromium = process.env.CHROMIUM ?? 'chromium';
for (const file of readdirSync(mdDir).sort()) {
  const md = readFileSync(join(mdDir, file), 'utf8');
  const kind = file.replace(/\.md$/, '');
  for (const [mode, m] of Object.entries(MODES)) {
    const html = join(out, `${kind}-${mode}.html`);
    writeFileSync(html, page(md, m));
    const png = join(out, `${kind}-${mode}.png`);
    const height = Math.min(6000, 400 + md.split('\n').length * 28 + (md.match(/```mermaid/g) ?? []).length * 500);
    execFileSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--hide-scrollbars',
        `--window-size=1012,${height}`,
        '--virtual-time-budget=8000',
        '--allow-file-access-from-files',
        `--screenshot=${png}`,
        `file://${html}`,
      ],
      { stdio: 'ignore' },
    );
    console.log(png);
  }
}
