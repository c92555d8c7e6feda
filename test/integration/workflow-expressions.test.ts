// The workflow runner's expressions, on the forms the pipeline uses, against GitHub's documented
// rules (docs.github.com, "Evaluate expressions in workflows and actions"), and its refusals.
import { condition, evaluate, substitute, type Scope } from '../helpers/workflow-expressions.js';

const scope = (inputs: Record<string, string | boolean>, status = { success: true, failure: false, cancelled: false }): Scope => ({
  contexts: { inputs, github: { event_name: 'push', event: {}, repository: 'acme/p' }, steps: { production: { outcome: 'failure', outputs: {} } } },
  status,
  check: ([ctx, key]) => {
    if (ctx === 'inputs' && key !== undefined && !(key in inputs)) throw new Error(`inputs.${key} does not exist here`);
  },
});

test("&& and || return an operand: the pipeline's fail-on choice", () => {
  const e = "inputs.retrain && 'critical' || inputs.drift-fail-on";
  expect(evaluate(e, scope({ retrain: true, 'drift-fail-on': 'drift' }))).toBe('critical');
  expect(evaluate(e, scope({ retrain: false, 'drift-fail-on': 'drift' }))).toBe('drift');
});

test('== ignores case for strings, coerces other types to numbers; a missing property is null', () => {
  expect(evaluate("github.event_name == 'PUSH'", scope({}))).toBe(true);
  expect(evaluate("'1' == 1 && true == 1 && null == 0", scope({}))).toBe(true);
  expect(evaluate('github.event.pull_request.head.repo.full_name', scope({}))).toBeNull();
  expect(evaluate("steps.production.outcome != 'success'", scope({}))).toBe(true);
});

test('a whole-value expression keeps its type; text interpolates; format and fromJSON', () => {
  expect(substitute('${{ fromJSON(inputs.labels) }}', scope({ labels: '["self-hosted","gpu"]' }))).toEqual(['self-hosted', 'gpu']);
  expect(substitute("model/${{ inputs.f }} ${{ format('production/{0}', inputs.f) }}", scope({ f: 'm.onnx' }))).toBe('model/m.onnx production/m.onnx');
  expect(() => substitute('x ${{ fromJSON(inputs.labels) }}', scope({ labels: '[1]' }))).toThrow(/cannot be interpolated/);
});

test('if: is success() && (...) unless it names a status function', () => {
  const failed = { success: false, failure: true, cancelled: false };
  expect(condition("github.event_name == 'push'", scope({}, failed))).toBe(false);
  expect(condition("${{ always() && github.event_name == 'push' }}", scope({}, failed))).toBe(true);
  expect(condition(undefined, scope({}, failed))).toBe(false);
  expect(condition('failure()', scope({}, failed))).toBe(true);
});

test('what the runner does not know is refused, not guessed', () => {
  expect(() => evaluate('hashFiles(inputs.x)', scope({ x: '' }))).toThrow(/unknown function 'hashFiles\(\)'/);
  expect(() => evaluate('matrix.os', scope({}))).toThrow(/unknown context 'matrix'/);
  expect(() => evaluate('inputs.modle-name', scope({ 'model-name': 'p' }))).toThrow(/inputs.modle-name does not exist/);
  expect(() => evaluate('github.event.commits.*.id', scope({}))).toThrow(/unsupported character '\*'/);
});
