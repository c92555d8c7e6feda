// Each step's input catalogue is the one description of its inputs: the action's action.yml must
// agree with it (names, order, defaults, required, descriptions), so neither can drift alone.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { InputSpec } from '../../src/shared/input-spec.js';
import { parseInputValue } from '../../src/shared/parse-input.js';
import { CANARY_DEPLOY_ACTION_INPUTS } from '../../src/steps/canary-deploy-inputs.js';
import { CHECK_DRIFT_INPUTS } from '../../src/steps/check-drift-inputs.js';
import { PR_REPORT_INPUTS } from '../../src/steps/pr-report-inputs.js';
import { QUALITY_GATES_INPUTS } from '../../src/steps/quality-gates-inputs.js';
import { REGISTER_MODEL_INPUTS } from '../../src/steps/register-model-inputs.js';
import { TRAIN_ON_GPU_INPUTS } from '../../src/steps/train-on-gpu-inputs.js';

const ROOT = new URL('../../../../', import.meta.url).pathname;
const ACTIONS: [string, readonly InputSpec[]][] = [
  ['check-drift', CHECK_DRIFT_INPUTS],
  ['quality-gates', QUALITY_GATES_INPUTS],
  ['register-model', REGISTER_MODEL_INPUTS],
  ['canary-deploy', CANARY_DEPLOY_ACTION_INPUTS],
  ['pr-report', PR_REPORT_INPUTS],
  ['train-on-gpu', TRAIN_ON_GPU_INPUTS],
];

describe.each(ACTIONS)('actions/%s/action.yml agrees with its catalogue', (action, catalogue) => {
  const yml = parse(readFileSync(`${ROOT}actions/${action}/action.yml`, 'utf8')) as {
    inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  };

  test('the same inputs, in the same order', () => {
    expect(Object.keys(yml.inputs)).toEqual(catalogue.map((s) => s.name));
  });

  test.each(catalogue.map((s) => [s.name, s] as const))('%s: description, default and required', (name, s) => {
    const input = yml.inputs[name];
    expect(input.description).toBe(s.description);
    expect(input.default).toBe(s.default);
    expect(input.required === true).toBe(s.required === true);
  });

  test('every default reads under its own type', () => {
    for (const s of catalogue) if (s.default !== undefined) expect(() => parseInputValue(s, s.default!)).not.toThrow();
  });
});
