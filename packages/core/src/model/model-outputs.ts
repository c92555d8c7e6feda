/**
 * Which model outputs hold the prediction, and whether the model classifies or regresses.
 * Exporters differ: scikit-learn gives a label tensor and a probability tensor, PyTorch a logit
 * or probability matrix, regressors one number per row. The roles are read off the outputs'
 * types and shapes; prediction-output / probability-output override the guess.
 */
import { InputError } from '../shared/errors.js';
import { closestName } from '../shared/closest-name.js';
import type { Column } from '../data/table.js';
import type { TensorSpec } from './model-session.js';
import { listNames } from './input-mapping.js';

export type Task = 'classification' | 'regression';

export interface OutputRoles {
  task: Task;
  /** Classification: a label per row (int64/int32/string). Regression: the predicted value. */
  prediction?: TensorSpec;
  /** Classification: class probabilities or scores, [N, classes]. */
  probabilities?: TensorSpec;
}

export interface OutputOptions {
  task?: Task | 'auto';
  predictionOutput?: string;
  probabilityOutput?: string;
}

const isFloat = (s: TensorSpec) => s.type === 'float32' || s.type === 'float64' || s.type === 'float16';
const isLabelType = (s: TensorSpec) => s.type === 'int64' || s.type === 'int32' || s.type === 'string';
/** One value per row: [N], [N, 1], or a shape onnxruntime does not know. */
const perRow = (s: TensorSpec) => s.shape.length <= 1 || (s.shape.length === 2 && s.shape[1] === 1);
const matrix = (s: TensorSpec) => s.shape.length === 2 && s.shape[1] !== 1;

export function chooseOutputs(outputs: readonly TensorSpec[], label: Column, options: OutputOptions = {}): OutputRoles {
  const named = (name: string | undefined, input: string) => {
    if (!name) return undefined;
    const spec = outputs.find((o) => o.name === name);
    if (!spec) {
      const near = closestName(
        name,
        outputs.map((o) => o.name),
      );
      throw new InputError(
        `${input} names output '${name}', which the model does not have${near ? `; did you mean '${near}'?` : `; its outputs are ${listNames(outputs.map((o) => o.name))}.`}`,
        { input },
      );
    }
    if (!spec.type) {
      throw new InputError(
        `Output '${name}' is a sequence or map (e.g. scikit-learn's ZipMap), which onnxruntime-node cannot return; export the model with zipmap=False so probabilities come as a tensor.`,
        { input },
      );
    }
    return spec;
  };
  const tensors = outputs.filter((o) => o.type);
  const labelOut = named(options.predictionOutput, 'prediction-output');
  const probOut = named(options.probabilityOutput, 'probability-output');
  const labelCandidate = labelOut && isLabelType(labelOut) ? labelOut : tensors.find((o) => isLabelType(o) && perRow(o));
  const probCandidate = probOut ?? tensors.find((o) => isFloat(o) && matrix(o));
  const valueCandidate = labelOut && isFloat(labelOut) ? labelOut : tensors.find((o) => isFloat(o) && perRow(o));

  let task = options.task && options.task !== 'auto' ? options.task : undefined;
  if (!task) {
    task = label.kind === 'categorical' || labelCandidate || (probCandidate && !valueCandidate) ? 'classification' : 'regression';
  }
  const described = listNames(outputs.map((o) => `${o.name}: ${o.type ?? 'non-tensor'} [${o.shape.join(', ')}]`));
  if (task === 'classification') {
    if (labelOut && !isLabelType(labelOut)) {
      throw new InputError(
        `prediction-output '${labelOut.name}' holds ${labelOut.type} values, not class labels; for a classifier name an int64 or string label output, or name the probabilities with probability-output.`,
        { input: 'prediction-output' },
      );
    }
    if (!labelCandidate && !probCandidate) {
      throw new InputError(
        `The label column '${label.name}' holds classes but the model has no class output (an int64/string label per row, or a float [N, classes] matrix); its outputs are ${described}.`,
        { input: 'label-column' },
      );
    }
    if (probCandidate && (!isFloat(probCandidate) || !matrix(probCandidate))) {
      throw new InputError(
        `probability-output '${probCandidate.name}' is ${probCandidate.type} [${probCandidate.shape.join(', ')}], not a float [N, classes] matrix; name the output that holds one probability per class.`,
        { input: 'probability-output' },
      );
    }
    return { task, prediction: labelCandidate, probabilities: probCandidate };
  }
  if (label.kind === 'categorical') {
    throw new InputError(
      `task is regression but the label column '${label.name}' holds text (e.g. '${label.categories[0] ?? ''}'); set task: classification or choose a numeric label-column.`,
      { input: 'task' },
    );
  }
  if (!valueCandidate) {
    throw new InputError(
      `The model has no output with one number per row to score as a regression (outputs: ${described}); name it with prediction-output, or set task: classification.`,
      { input: 'prediction-output' },
    );
  }
  return { task, prediction: valueCandidate };
}
