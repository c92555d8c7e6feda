// The promotion policy: protected aliases (any case), verdicts checked whole, the refusal a
// PolicyError with its summary, and the seed's order (register, evaluate later, attach, promote).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolicyError } from '../../src/shared/errors.js';
import { runAttach, runPromote, runRegister, runRegistryOperation, runResolve } from '../../src/steps/register-model.js';

let dir: string;
let registry: string;
const env = { GITHUB_SHA: '1111111111111111111111111111111111111111' };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'modelci-policy-'));
  registry = join(dir, 'reg');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};
const verdict = (passed: boolean, gates: boolean[], checks: boolean[] = []) => ({
  schema: 'modelci/gate-verdict@1',
  passed,
  metrics: { accuracy: 0.9 },
  summary: '',
  gates: gates.map((p, i) => ({ gate: `gate ${i}`, passed: p })),
  checks: checks.map((p, i) => ({ name: `check ${i}`, passed: p })),
});

async function policyError(p: Promise<unknown>): Promise<PolicyError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PolicyError) return e;
    throw e;
  }
  throw new Error('expected a PolicyError');
}

test.each(['production', 'Production', 'PROD', 'prod', 'champion', 'Champion'])(
  "a failed verdict cannot be promoted to '%s' (protected by default, any case)",
  async (alias) => {
    await runRegister({ registry, name: 'penguins', model: file('m.onnx', 'w'), metrics: file('v.json', verdict(false, [false])) }, env);
    const refused = await policyError(runPromote({ registry, name: 'penguins', version: '1', alias }));
    expect(refused.message).toMatch(new RegExp(`cannot be promoted to ${alias} \\(a protected alias\\): its recorded GateVerdict did not pass`));
    expect(refused.markdown).toMatch(/Refused/);
  },
);

test('protected-aliases is an input: a custom list protects its aliases, and only those', async () => {
  await runRegister({ registry, name: 'penguins', model: file('m.onnx', 'w') }, env);
  await policyError(runPromote({ registry, name: 'penguins', version: '1', alias: 'Live', 'protected-aliases': 'live, gold' }));
  expect((await runPromote({ registry, name: 'penguins', version: '1', alias: 'production', 'protected-aliases': 'live' })).move.alias).toBe('production');
});

test("a verdict whose 'passed: true' contradicts a failed check is not trusted, and registering it warns", async () => {
  const r = await runRegister({ registry, name: 'penguins', model: file('m.onnx', 'w'), metrics: file('v.json', verdict(true, [true], [false])) }, env);
  expect(r.version.provenance.gateVerdict?.passed).toBe(false);
  expect(r.warning).toMatch(/registered with a GateVerdict that did not pass: its verdict says passed but check 'check 0' failed/);
  await policyError(runPromote({ registry, name: 'penguins', version: '1' }));
});

test('a verdict without gates or checks is refused as incomplete', async () => {
  await expect(
    runRegister(
      {
        registry,
        name: 'penguins',
        model: file('m.onnx', 'w'),
        metrics: file('v.json', { schema: 'modelci/gate-verdict@1', passed: true, metrics: { accuracy: 0.9 } }),
      },
      env,
    ),
  ).rejects.toThrow(/is not a complete GateVerdict: it needs "passed" \(true or false\), "gates" and "checks"/);
});

test("the seed's order: register after training, evaluate, attach the passing verdict and the new commit, promote", async () => {
  const registered = await runRegister({ registry, name: 'penguins', model: file('m.onnx', 'w') }, env);
  await runPromote({ registry, name: 'penguins', version: '1', alias: 'staging' });
  await policyError(runPromote({ registry, name: 'penguins', version: 'staging' }));
  const later = { GITHUB_SHA: '2222222222222222222222222222222222222222' };
  const attached = await runAttach(
    { registry, name: 'penguins', version: 'staging', 'gate-verdict': file('v.json', verdict(true, [true, true], [true])) },
    later,
  );
  expect(attached.version.digest).toBe(registered.version.digest);
  expect(attached.version.provenance.gateVerdict?.passed).toBe(true);
  expect(attached.version.provenance.gitSha).toBe(env.GITHUB_SHA);
  expect(attached.version.provenance.attachments?.map((a) => a.gitSha)).toEqual([later.GITHUB_SHA]);
  expect((await runPromote({ registry, name: 'penguins', version: 'staging' })).move).toMatchObject({ alias: 'production', version: 1, forced: false });
  expect((await runResolve({ registry, name: 'penguins' })).version.provenance.gateVerdict?.passed).toBe(true);
  await expect(runAttach({ registry, name: 'penguins', version: '1' })).rejects.toThrow(/Nothing to attach: give gate-verdict, drift-report or git-sha/);
});

test('the action operation: a refused promotion is a PolicyError carrying its summary', async () => {
  await runRegister({ registry, name: 'penguins', model: file('m.onnx', 'w') }, env);
  const refused = await policyError(runRegistryOperation({ operation: 'promote', registry, name: 'penguins', version: '1' }));
  expect(refused.markdown).toMatch(/^## Refused: production → penguins v1/);
  expect(refused.markdown).toMatch(/no GateVerdict was recorded with it/);
});
