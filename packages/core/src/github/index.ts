/** What the GitHub adapter (action-kit) and the steps use of the GitHub domain. */
export { GitHubApiError, isGitHubApiError, isReadOnlyRefusal, UNFINISHED_RUN_STATUSES } from './github-api.js';
export type {
  DeploymentRequest,
  DeploymentState,
  DeploymentStatusRequest,
  GitHubApi,
  Issue,
  IssueComment,
  IssueFilter,
  IssueRequest,
  IssueUpdate,
  WorkflowDispatch,
  WorkflowRun,
  WorkflowRunFilter,
  WorkflowRunStatus,
} from './github-api.js';
export { MAX_COMMENT_CHARS, REPORT_MARKER, findReportComment, fitGitHubLimit, reportCommentBody, upsertReportComment } from './report-comment.js';
export type { ReportCommentOutcome } from './report-comment.js';
export { endDeployment, startDeployment, statusDescription } from './model-deployment.js';
export type { ModelDeployment, RolloutEnd } from './model-deployment.js';
export { MAX_REASON_CHARS, formatElapsed, requestRetrain, retrainReason } from './request-retrain.js';
export type { HealthIssueOutcome, HealthIssueRequest, RequestRetrain, RetrainOutcome, RetrainPolicy, SyncHealthIssue } from './retrain-trigger.js';
export { HEALTH_LABEL, REOPEN_WITHIN_MS, healthIssueBody, healthMarker, monitorName, syncHealthIssue } from './sync-health-issue.js';
