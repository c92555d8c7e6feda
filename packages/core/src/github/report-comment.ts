/**
 * One report comment per pull request, edited in place on every push (as CML's `comment update`
 * does): the comment is found by a hidden marker on its first line, so a second run edits it and
 * never adds another. A read-only token (a pull request from a fork) cannot comment: the caller
 * gets 'fallback' and shows the report in the job summary instead.
 */
import { InputError } from '../shared/errors.js';
import { isGitHubApiError, isReadOnlyRefusal, type GitHubApi, type IssueComment } from './github-api.js';

/** Invisible in rendered Markdown; names the comment as ours. */
export const REPORT_MARKER = '<!-- modelci-report -->';
/** GitHub refuses a comment body over 65,536 characters. */
export const MAX_COMMENT_CHARS = 65_536;

export type ReportCommentOutcome = { action: 'created' | 'updated'; comment: IssueComment } | { action: 'fallback'; notice: string };

/** The comment to edit: the first one carrying the marker (the oldest, so a stray duplicate never wins). */
export function findReportComment(comments: IssueComment[]): IssueComment | undefined {
  return comments.find((c) => c.body.startsWith(REPORT_MARKER));
}

/** The marker, then the report, cut to fit GitHub's limit with a line saying so. */
export function reportCommentBody(markdown: string): string {
  return fitGitHubLimit(`${REPORT_MARKER}\n${markdown}`);
}

/** A comment or issue body cut to GitHub's 65,536 characters with a line saying so (the job summary has all of it). */
export function fitGitHubLimit(body: string): string {
  if (body.length <= MAX_COMMENT_CHARS) return body;
  const note = "\n\n_The report was cut to fit GitHub's comment limit; the job summary has all of it._\n";
  let cut = MAX_COMMENT_CHARS - note.length;
  // Never split a character that takes two UTF-16 units.
  if (/[\uD800-\uDBFF]/.test(body[cut - 1] ?? '')) cut--;
  return body.slice(0, cut) + note;
}

export async function upsertReportComment(api: GitHubApi, pullRequest: number, markdown: string): Promise<ReportCommentOutcome> {
  const body = reportCommentBody(markdown);
  try {
    const existing = findReportComment(await api.listIssueComments(pullRequest));
    if (existing) {
      if (existing.body === body) return { action: 'updated', comment: existing };
      return { action: 'updated', comment: await api.updateIssueComment(existing.id, body) };
    }
    return { action: 'created', comment: await api.createIssueComment(pullRequest, body) };
  } catch (e) {
    if (isReadOnlyRefusal(e)) {
      return {
        action: 'fallback',
        notice: `The token may not comment on pull request #${pullRequest} of ${api.repository} (GitHub answered 403, as it does for a pull request from a fork); the report is in the job summary instead.`,
      };
    }
    if (isGitHubApiError(e) && e.status === 404) {
      throw new InputError(
        `Pull request #${pullRequest} was not found in ${api.repository} (GitHub answered 404): give the number of an open pull request, or run on a pull_request event.`,
        { input: 'pull-request' },
      );
    }
    throw e;
  }
}
