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

/** A run's status as GitHub reports it; the first five mean "not finished yet". */
export type WorkflowRunStatus = 'queued' | 'in_progress' | 'waiting' | 'requested' | 'pending' | 'completed';
/** Every status a run has before it completes. */
export const UNFINISHED_RUN_STATUSES = ['queued', 'in_progress', 'waiting', 'requested', 'pending'] as const;

export interface WorkflowRun {
  id: number;
  /** Where people read it (html_url). */
  url: string;
  status: string;
  conclusion: string | null;
  /** What started it: workflow_dispatch, push, schedule… */
  event: string;
  /** ISO 8601. */
  createdAt: string;
}

export interface WorkflowRunFilter {
  /** One status (GitHub filters by one at a time). */
  status?: WorkflowRunStatus;
  event?: string;
  /** Newest first, at most this many (all pages up to it); default 100. */
  limit?: number;
}

export interface WorkflowDispatch {
  /** Branch or tag. */
  ref: string;
  /** workflow_dispatch inputs are strings on the wire. */
  inputs: Record<string, string>;
}

export interface Issue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  /** Where people read it (html_url). */
  url: string;
  labels: string[];
  /** ISO 8601, when closed. */
  closedAt: string | null;
}

export interface IssueFilter {
  state: 'open' | 'closed' | 'all';
  /** Every one of these labels. */
  labels?: string[];
  /** Only issues updated at or after this time. */
  since?: Date;
  /** Most recently updated first, at most this many; default 1000. */
  limit?: number;
}

export interface IssueRequest {
  title: string;
  body: string;
  labels?: string[];
}

export interface IssueUpdate {
  title?: string;
  body?: string;
  state?: 'open' | 'closed';
  /** Only read by GitHub when the state changes. */
  stateReason?: 'completed' | 'not_planned' | 'reopened';
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
  /** `workflow` is the file name ("pipeline.yml") or the numeric id. GitHub answers 204 and queues the run moments later. */
  dispatchWorkflow(workflow: string, dispatch: WorkflowDispatch): Promise<void>;
  listWorkflowRuns(workflow: string, filter?: WorkflowRunFilter): Promise<WorkflowRun[]>;
  /** Issues only: the pull requests GitHub lists with them are left out. */
  listIssues(filter: IssueFilter): Promise<Issue[]>;
  createIssue(request: IssueRequest): Promise<Issue>;
  updateIssue(issue: number, update: IssueUpdate): Promise<Issue>;
}

/** GitHub answered with an HTTP error; `status` lets callers tell a read-only token (403) from a missing pull request (404). */
export class GitHubApiError extends ServiceError {
  readonly status: number;
  /** GitHub's own message, as it sent it: untrusted text (quote it through logText). */
  readonly githubMessage?: string;
  constructor(message: string, status: number, options: { retryable?: boolean; cause?: unknown; githubMessage?: string } = {}) {
    super('the GitHub API', message, options);
    this.status = status;
    this.githubMessage = options.githubMessage;
  }
}

export function isGitHubApiError(e: unknown): e is GitHubApiError {
  return e instanceof GitHubApiError;
}

/** A 403 that means "this token may not write here" (a fork's token), not a rate limit. */
export function isReadOnlyRefusal(e: unknown): e is GitHubApiError {
  return isGitHubApiError(e) && e.status === 403 && !/rate limit/i.test(e.message);
}
