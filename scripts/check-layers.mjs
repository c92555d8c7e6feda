// Part of `npm run lint`: the folders of packages/core/src form layers, and imports point down.
// Fails on any import cycle between folders, and on a folder importing a layer above its own
// (a domain folder importing the renderers or the steps, the shared vocabulary importing a domain).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../packages/core/src/', import.meta.url));
// Lower number = lower layer. A folder may import its own layer's folders (without cycles) and any below.
const LAYERS = {
  shared: 0,
  stats: 1,
  data: 1,
  gpu: 2,
  drift: 3,
  model: 3,
  'model/metrics': 3,
  gates: 4,
  registry: 5,
  rollout: 5,
  training: 5,
  monitor: 5,
  github: 5,
  render: 6,
  steps: 7,
  '.': 8,
};

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const edges = new Map(); // folder -> Map(folder -> example "file -> file")
const problems = [];
for (const file of files(src)) {
  const from = relative(src, dirname(file)) || '.';
  if (!(from in LAYERS)) problems.push(`${relative(src, file)}: folder '${from}' has no layer in scripts/check-layers.mjs; add it.`);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/(?:from\s+|import\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = resolve(dirname(file), m[1]);
    const to = relative(src, dirname(target)) || '.';
    if (to === from) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    edges.get(from).set(to, `${relative(src, file)} -> ${relative(src, target)}`);
    if (LAYERS[to] > LAYERS[from])
      problems.push(`${relative(src, file)} imports ${relative(src, target)}: '${from}' (layer ${LAYERS[from]}) may not import '${to}' (layer ${LAYERS[to]}).`);
  }
}

// Cycles between folders (Tarjan's strongly connected components).
let index = 0;
const stack = [];
const info = new Map();
function visit(v) {
  info.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!info.has(w)) {
      visit(w);
      info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
    } else if (info.get(w).onStack) info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
  }
  if (info.get(v).low === info.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      info.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) {
      const examples = component.flatMap((a) => component.filter((b) => edges.get(a)?.has(b)).map((b) => edges.get(a).get(b)));
      problems.push(`import cycle between folders ${component.sort().join(', ')}: ${examples.join('; ')}.`);
    }
  }
}
for (const v of edges.keys()) if (!info.has(v)) visit(v);

if (problems.length > 0) {
  for (const p of problems) console.error(`layers: ${p}`);
  process.exit(1);
}
console.log(`layers: ${edges.size} folders of packages/core/src, imports point down, no cycles.`);
