import { infoBlock, infoLine } from '../src/log.js';
import { maskSecrets } from '../src/secrets.js';
import { readInputs } from '../src/inputs.js';
import { captureStdout, workflowCommands } from './stdout.js';

test('each credential becomes one ::add-mask:: command, escaped like any command value', () => {
  let masked: string[] = [];
  const out = captureStdout(() => {
    masked = maskSecrets(
      { registry: 'oci://alice:Pw@Secret1@127.0.0.1:1/m', metrics: 'prometheus+http://h?api_key=K%251' },
      { MLFLOW_TRACKING_PASSWORD: 'mlflow-pw', PATH: '/bin' },
    );
  });
  expect(masked).toEqual(['Pw@Secret1', 'K%251', 'K%1', 'mlflow-pw']);
  expect(out).toBe('::add-mask::Pw@Secret1\n::add-mask::K%25251\n::add-mask::K%251\n::add-mask::mlflow-pw\n');
});

test('infoLine cannot start a command; infoBlock pauses commands around its block', () => {
  const line = captureStdout(() => infoLine('Prometheus said: x\n::set-output name=drifted::false'));
  expect(workflowCommands(line)).toEqual([]);
  const block = captureStdout(() => infoBlock('a\n::save-state name=finished::true\n'));
  const [first, , inside, last] = block.split('\n');
  const token = /^::stop-commands::([0-9a-f]{32})$/.exec(first)?.[1];
  expect(token).toBeDefined();
  expect(inside).toBe('::save-state name=finished::true');
  expect(last).toBe(`::${token}::`);
  expect(captureStdout(() => infoBlock('x')).split('\n')[0]).not.toBe(first); // a new token each time
});

test('an input the catalogue marks secret is masked whole as it is read, whatever it looks like', () => {
  process.env['INPUT_LATENCY-ENDPOINT-TOKEN'] = ' opaque-token-1 ';
  process.env['INPUT_LATENCY-ENDPOINT'] = 'http://127.0.0.1:1/predict';
  try {
    const out = captureStdout(() =>
      readInputs([
        { name: 'latency-endpoint', type: 'uri', description: 'x' },
        { name: 'latency-endpoint-token', type: 'string', secret: true, description: 'x' },
      ]),
    );
    expect(out).toBe('::add-mask::opaque-token-1\n');
  } finally {
    delete process.env['INPUT_LATENCY-ENDPOINT-TOKEN'];
    delete process.env['INPUT_LATENCY-ENDPOINT'];
  }
});
