import { describe, expect, it } from '@jest/globals';
import { findReportComment, MAX_COMMENT_CHARS, REPORT_MARKER, reportCommentBody } from '../../src/github/report-comment.js';

describe('the report comment', () => {
  it('is the oldest comment that starts with the marker, not one that quotes it', () => {
    const comments = [
      { id: 1, body: `I saw ${REPORT_MARKER} here`, url: '' },
      { id: 2, body: `${REPORT_MARKER}\nold`, url: '' },
      { id: 3, body: `${REPORT_MARKER}\nduplicate`, url: '' },
    ];
    expect(findReportComment(comments)?.id).toBe(2);
    expect(findReportComment([{ id: 1, body: 'hello', url: '' }])).toBeUndefined();
  });

  it("fits GitHub's comment limit and says when it was cut", () => {
    const body = reportCommentBody('x'.repeat(100_000));
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body.startsWith(REPORT_MARKER)).toBe(true);
    expect(body).toContain('cut to fit');
    expect(reportCommentBody('short')).toBe(`${REPORT_MARKER}\nshort`);
  });
});
