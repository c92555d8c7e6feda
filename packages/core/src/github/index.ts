/** What the GitHub adapter (action-kit) and the steps use of the GitHub domain. */
export { GitHubApiError, isGitHubApiError, isReadOnlyRefusal } from './github-api.js';
export type { DeploymentRequest, DeploymentState, DeploymentStatusRequest, GitHubApi, IssueComment } from './github-api.js';
export { REPORT_MARKER, findReportComment, reportCommentBody, upsertReportComment } from './report-comment.js';
export type { ReportCommentOutcome } from './report-comment.js';
export { endDeployment, startDeployment, statusDescription } from './model-deployment.js';
export type { ModelDeployment, RolloutEnd } from './model-deployment.js';
