/**
 * The port to GitHub's REST API: the few calls modelci makes, for one repository. The adapter
 * (action-kit, over @actions/github) binds the owner, repository, token and API URL, bounds
 * every call in time, and turns an HTTP failure into a GitHubApiError carrying the status.
 */
import { ServiceError } from '../shared/errors.js';

export interface IssueComment {
  id: number;
  body: string;
  /** Where people read it (html_url). */
  url: string;
}

export interface DeploymentRequest {
  /** Branch, tag or SHA being deployed. */
  ref: string;
  environment: string;
  /** Shown on the Environments page; GitHub keeps it with the deployment. */
  payload: Record<string, string>;
  description: string;
  productionEnvironment: boolean;
}

/** The states modelci moves a deployment through (GitHub has more: queued, pending, error). */
export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'inactive';

export interface DeploymentStatusRequest {
  state: DeploymentState;
  /** GitHub refuses more than 140 characters. */
  description: string;
  /** The run that did it. */
  logUrl?: string;
  /** Where the deployed model answers. */
  environmentUrl?: string;
}

export interface GitHubApi {
  /** "owner/repo", for messages. */
  readonly repository: string;
  /** Every comment on the issue or pull request, all pages, oldest first. */
  listIssueComments(issue: number): Promise<IssueComment[]>;
  createIssueComment(issue: number, body: string): Promise<IssueComment>;
  updateIssueComment(commentId: number, body: string): Promise<IssueComment>;
  createDeployment(request: DeploymentRequest): Promise<{ id: number }>;
  createDeploymentStatus(deploymentId: number, request: DeploymentStatusRequest): Promise<void>;
}

/** GitHub answered with an HTTP error; `status` lets callers tell a read-only token (403) from a missing pull request (404). */
export class GitHubApiError extends ServiceError {
  readonly status: number;
  constructor(message: string, status: number, options: { retryable?: boolean; cause?: unknown } = {}) {
    super('the GitHub API', message, options);
    this.status = status;
  }
}

export function isGitHubApiError(e: unknown): e is GitHubApiError {
  return e instanceof GitHubApiError;
}

/** A 403 that means "this token may not write here" (a fork's token), not a rate limit. */
export function isReadOnlyRefusal(e: unknown): e is GitHubApiError {
  return isGitHubApiError(e) && e.status === 403 && !/rate limit/i.test(e.message);
}
