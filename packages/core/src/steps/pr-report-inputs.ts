/** The inputs of pr-report: the action's input list comes from here (CI checks action.yml against it). */
import type { InputSpec } from '../shared/input-spec.js';

export const PR_REPORT_INPUTS = [
  { name: 'drift-report', type: 'path', description: 'The DriftReport JSON check-drift wrote (modelci/drift-report@1). Give this, gate-verdict, or both.' },
  {
    name: 'gate-verdict',
    type: 'path',
    description: 'The quality-gates verdict JSON (modelci/gate-verdict@1), with the deltas against production when it had a baseline.',
  },
  {
    name: 'pull-request',
    type: 'count',
    min: 1,
    max: 1_000_000_000,
    description: 'The pull request to comment on. Default: the one of the pull_request event; on other events the report goes to the job summary only.',
  },
  {
    name: 'token',
    type: 'string',
    default: '${{ github.token }}',
    description:
      'Token that may comment on pull requests (pull-requests: write). From a fork it is read-only: the report then goes to the job summary with a notice.',
  },
] as const satisfies readonly InputSpec[];
