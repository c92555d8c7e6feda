// The command router runs the team's own script, without a shell: here real shell scripts that
// keep the split in a file, as a script driving kubectl or a cloud load balancer would.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRouter } from '../../packages/core/src/index.js';
import { inputError } from '../../packages/core/test/data/helpers.js';

let dir: string;
const script = (name: string, body: string) => {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'modelci-command-router-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('set and get go through the script; arguments after the path come first; weights also in the environment', async () => {
  const state = join(dir, 'split');
  const log = join(dir, 'log');
  const path = script(
    'weights.sh',
    [
      `echo "$@ env=$MODELCI_CANARY_WEIGHT/$MODELCI_STABLE_WEIGHT" >> ${log}`,
      'shift 2', // --namespace prod
      `case "$1" in set) echo "{\\"canary\\": $2, \\"stable\\": $3}" > ${state};; get) cat ${state} 2>/dev/null || echo "0 1";; esac`,
    ].join('\n'),
  );
  const router = openRouter(`command:${path} --namespace prod`);
  expect(await router.getWeights()).toEqual({ canary: 0, stable: 1 });
  await router.setWeights(0.25);
  expect(await router.getWeights()).toEqual({ canary: 0.25, stable: 0.75 });
  await router.setWeights(0);
  expect(await router.getWeights()).toEqual({ canary: 0, stable: 1 });
  expect(readFileSync(log, 'utf8').split('\n').filter(Boolean)).toEqual([
    '--namespace prod get env=/',
    '--namespace prod set 0.25 0.75 env=0.25/0.75',
    '--namespace prod get env=/',
    '--namespace prod set 0 1 env=0/1',
    '--namespace prod get env=/',
  ]);
});

test('an input with shell syntax is a file name, never run by a shell', async () => {
  const e = await inputError(openRouter(`command:${dir}/x;touch ${dir}/pwned`).getWeights());
  expect(e.message).toMatch(
    /^The router command '.*\/x;touch' cannot be run \(ENOENT\); check the path in the router input and that the file is executable \(chmod \+x\)\.$/,
  );
  expect(existsSync(join(dir, 'pwned'))).toBe(false);
});

test.each([
  ['a script that refuses', 'echo "cluster is read-only" >&2; exit 3', 'set', /^The router command '.*refuses.sh set' exited with 3: cluster is read-only\.$/],
  [
    'a get that prints nonsense',
    'echo "weights are fine"',
    'get',
    /^'.*nonsense.sh get' printed 'weights are fine'; it must print \{"canary": <0\.\.1>, "stable": <0\.\.1>\} or two numbers, canary then stable\.$/,
  ],
  ['a get that prints weights out of range', 'echo "1.5 -0.5"', 'get', /printed '1.5 -0.5'; it must print/],
] as const)('%s: one sentence', async (what, body, op, message) => {
  const path = script(`${what.split(' ').at(-1)}.sh`, body);
  const router = openRouter(`command:${path}`);
  const e = await inputError(op === 'set' ? router.setWeights(0.1) : router.getWeights());
  expect(e.message).toMatch(message);
  expect(e.where.input).toBe('router');
});

test('a script that is not executable, and a router with no command', async () => {
  const path = join(dir, 'plain.sh');
  writeFileSync(path, '#!/bin/sh\necho 0 1\n');
  expect((await inputError(openRouter(`command:${path}`).getWeights())).message).toMatch(/cannot be run \(EACCES\)/);
  expect(() => openRouter('command:')).toThrow("Router 'command:' names no command; write command:<path to script>, e.g. command:./deploy/set-weights.sh.");
  expect(() => openRouter('nginx://lb')).toThrow(
    /^Router 'nginx:\/\/lb' has the type 'nginx', which modelci does not know; use haproxy:\/\/…, http:\/\/…, https:\/\/…, command:<script>\.$/,
  );
});
