// GitHub Actions' `${{ }}` expressions, for the workflow runner the tests use: the grammar and
// the rules of GitHub's documented "Expressions" page (loose == with numeric coercion and
// case-insensitive strings, && and || returning an operand, null for a missing property), but
// only the contexts and functions the caller of evaluate() allows. Anything else is thrown, so a
// workflow that uses something this runner does not know fails the test instead of being guessed.

export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

/** What an expression may read: each context by name, and the status functions of where it runs. */
export interface Scope {
  contexts: Record<string, Value>;
  /** success(), failure(), always(), cancelled() as they answer here (a job's or a step's view). */
  status: { success: boolean; failure: boolean; cancelled: boolean };
  /** Checks a property path before it is read (e.g. refuses inputs.<undeclared>); throws to refuse. */
  check?: (path: string[]) => void;
}

type Token = { kind: 'str' | 'num' | 'id' | 'op'; text: string };
type Node =
  | { kind: 'lit'; value: Value }
  | { kind: 'ctx'; name: string }
  | { kind: 'prop'; of: Node; key: string }
  | { kind: 'index'; of: Node; key: Node }
  | { kind: 'call'; fn: string; args: Node[] }
  | { kind: 'not'; of: Node }
  | { kind: 'bin'; op: string; left: Node; right: Node };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) i++;
    else if (c === "'") {
      let text = '';
      for (i++; ; i++) {
        if (i >= src.length) throw new Error(`unterminated string in expression: ${src}`);
        if (src[i] === "'" && src[i + 1] === "'") {
          text += "'";
          i++;
        } else if (src[i] === "'") break;
        else text += src[i];
      }
      i++;
      tokens.push({ kind: 'str', text });
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^-?(0x[0-9a-f]+|[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?)/i.exec(src.slice(i))!;
      tokens.push({ kind: 'num', text: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i))!;
      tokens.push({ kind: 'id', text: m[0] });
      i += m[0].length;
    } else {
      const op = ['==', '!=', '<=', '>=', '&&', '||'].find((o) => src.startsWith(o, i)) ?? c;
      if (!['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', '.', ','].includes(op))
        throw new Error(`unsupported character '${c}' in expression: ${src}`);
      tokens.push({ kind: 'op', text: op });
      i += op.length;
    }
  }
  return tokens;
}

/** Precedence climbing, GitHub's order: ! then < <= > >= then == != then && then ||. */
function parse(src: string): Node {
  const tokens = tokenize(src);
  let at = 0;
  const peek = (text?: string) => (at < tokens.length && (text === undefined || tokens[at].text === text) ? tokens[at] : undefined);
  const expect = (text: string) => {
    if (!peek(text)) throw new Error(`expected '${text}' at token ${at} in expression: ${src}`);
    at++;
  };
  const LEVELS = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>=']];
  const binary = (level: number): Node => {
    if (level === LEVELS.length) return unary();
    let left = binary(level + 1);
    while (at < tokens.length && tokens[at].kind === 'op' && LEVELS[level].includes(tokens[at].text)) {
      const op = tokens[at++].text;
      left = { kind: 'bin', op, left, right: binary(level + 1) };
    }
    return left;
  };
  const unary = (): Node => {
    if (peek('!')) {
      at++;
      return { kind: 'not', of: unary() };
    }
    return postfix(primary());
  };
  const primary = (): Node => {
    const t = tokens[at++];
    if (!t) throw new Error(`unexpected end of expression: ${src}`);
    if (t.kind === 'str') return { kind: 'lit', value: t.text };
    if (t.kind === 'num') return { kind: 'lit', value: Number(t.text) };
    if (t.text === '(') {
      const inner = binary(0);
      expect(')');
      return inner;
    }
    if (t.kind !== 'id') throw new Error(`unexpected '${t.text}' in expression: ${src}`);
    if (t.text === 'true' || t.text === 'false') return { kind: 'lit', value: t.text === 'true' };
    if (t.text === 'null') return { kind: 'lit', value: null };
    if (peek('(')) {
      at++;
      const args: Node[] = [];
      while (!peek(')')) {
        args.push(binary(0));
        if (!peek(')')) expect(',');
      }
      at++;
      return { kind: 'call', fn: t.text, args };
    }
    return { kind: 'ctx', name: t.text };
  };
  const postfix = (node: Node): Node => {
    for (;;) {
      if (peek('.')) {
        at++;
        const key = tokens[at++];
        if (key?.kind !== 'id') throw new Error(`expected a property name after '.' in expression: ${src} (the * filter is not supported)`);
        node = { kind: 'prop', of: node, key: key.text };
      } else if (peek('[')) {
        at++;
        node = { kind: 'index', of: node, key: binary(0) };
        expect(']');
      } else return node;
    }
  };
  const tree = binary(0);
  if (at !== tokens.length) throw new Error(`unexpected '${tokens[at].text}' in expression: ${src}`);
  return tree;
}

export function truthy(v: Value): boolean {
  return !(v === null || v === false || v === 0 || v === '' || Number.isNaN(v));
}

function toNumber(v: Value): number {
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? 0 : Number(v);
  return NaN;
}

/** GitHub's loose equality: same type compares directly (strings ignoring case), else as numbers. */
function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === typeof b && (typeof a !== 'object' || a === null || b === null)) return a === b;
  if (typeof a === 'object' && a !== null) return a === b;
  return toNumber(a) === toNumber(b);
}

/** The text a value becomes when interpolated into a string (GitHub's rules). */
export function stringify(v: Value): string {
  if (v === null) return '';
  if (typeof v === 'object') throw new Error(`an object or array cannot be interpolated into text; use toJSON(): ${JSON.stringify(v)}`);
  return String(v);
}

function property(of: Value, key: string, path: string[] | undefined, scope: Scope): Value {
  if (path) scope.check?.(path);
  if (of === null || typeof of !== 'object') return null;
  if (Array.isArray(of)) return /^\d+$/.test(key) ? (of[Number(key)] ?? null) : null;
  const found = Object.keys(of).find((k) => k.toLowerCase() === key.toLowerCase());
  return found === undefined ? null : of[found];
}

/** The context path of a node (inputs.model-name -> ['inputs', 'model-name']), for checks; undefined when it reads a computed value. */
function pathOf(node: Node): string[] | undefined {
  if (node.kind === 'ctx') return [node.name];
  if (node.kind === 'prop') {
    const p = pathOf(node.of);
    return p && [...p, node.key];
  }
  return undefined;
}

const FUNCTIONS: Record<string, (args: Value[]) => Value> = {
  fromJSON: ([s]) => JSON.parse(stringify(s)) as Value,
  toJSON: ([v]) => JSON.stringify(v, null, 2),
  format: ([f, ...args]) =>
    stringify(f).replace(/\{\{|\}\}|\{(\d+)\}/g, (m, i: string | undefined) => {
      if (m === '{{') return '{';
      if (m === '}}') return '}';
      if (Number(i) >= args.length) throw new Error(`format(): {${i}} has no argument`);
      return stringify(args[Number(i)]);
    }),
  contains: ([hay, needle]) =>
    Array.isArray(hay) ? hay.some((x) => equal(x, needle)) : stringify(hay).toLowerCase().includes(stringify(needle).toLowerCase()),
  startsWith: ([s, p]) => stringify(s).toLowerCase().startsWith(stringify(p).toLowerCase()),
};

function evalNode(node: Node, scope: Scope): Value {
  switch (node.kind) {
    case 'lit':
      return node.value;
    case 'ctx':
      if (!Object.hasOwn(scope.contexts, node.name))
        throw new Error(`unknown context '${node.name}' here (this runner knows: ${Object.keys(scope.contexts).join(', ')})`);
      return scope.contexts[node.name];
    case 'prop':
      return property(evalNode(node.of, scope), node.key, pathOf(node), scope);
    case 'index':
      return property(evalNode(node.of, scope), stringify(evalNode(node.key, scope)), undefined, scope);
    case 'not':
      return !truthy(evalNode(node.of, scope));
    case 'call': {
      const status = { success: 'success', failure: 'failure', cancelled: 'cancelled' } as const;
      if (node.fn === 'always') return true;
      if (node.fn in status) return scope.status[status[node.fn as keyof typeof status]];
      const fn = Object.hasOwn(FUNCTIONS, node.fn) ? FUNCTIONS[node.fn] : undefined;
      if (!fn)
        throw new Error(`unknown function '${node.fn}()' (this runner knows: always, success, failure, cancelled, ${Object.keys(FUNCTIONS).join(', ')})`);
      return fn(node.args.map((a) => evalNode(a, scope)));
    }
    case 'bin': {
      const left = evalNode(node.left, scope);
      if (node.op === '&&') return truthy(left) ? evalNode(node.right, scope) : left;
      if (node.op === '||') return truthy(left) ? left : evalNode(node.right, scope);
      const right = evalNode(node.right, scope);
      if (node.op === '==') return equal(left, right);
      if (node.op === '!=') return !equal(left, right);
      const [a, b] = [toNumber(left), toNumber(right)];
      return node.op === '<' ? a < b : node.op === '<=' ? a <= b : node.op === '>' ? a > b : a >= b;
    }
  }
}

export function evaluate(expression: string, scope: Scope): Value {
  return evalNode(parse(expression), scope);
}

/** Whether an expression calls one of the status functions (if not, an `if:` is `success() && (...)`). */
export function usesStatusFunction(expression: string): boolean {
  return /\b(success|failure|always|cancelled)\s*\(/.test(expression);
}

const TEMPLATE = /\$\{\{([\s\S]*?)\}\}/g;

export function hasExpression(text: string): boolean {
  return /\$\{\{[\s\S]*?\}\}/.test(text);
}

/**
 * A YAML value with `${{ }}` in it: a value that is one expression keeps its type (runs-on:
 * ${{ fromJSON(...) }} is an array); anything else is text with each expression interpolated.
 */
export function substitute(text: string, scope: Scope): Value {
  const whole = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(text);
  if (whole && !whole[1].includes('}}')) return evaluate(whole[1], scope);
  return text.replace(TEMPLATE, (_, expr: string) => stringify(evaluate(expr, scope)));
}

/** An `if:` value: with or without ${{ }}, implicitly success() && (...) when it names no status function. */
export function condition(text: string | boolean | undefined, scope: Scope): boolean {
  if (text === undefined) return scope.status.success;
  if (typeof text === 'boolean') return text && scope.status.success;
  const whole = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(text);
  const expr = whole ? whole[1] : text;
  if (hasExpression(expr)) throw new Error(`an if: mixes text and \${{ }}: ${text}`);
  const value = truthy(evaluate(expr, scope));
  return usesStatusFunction(expr) ? value : scope.status.success && value;
}
