/** The artifact's name and retention, checked before training so a bad one never wastes a GPU hour. */
import { InputError } from '../shared/errors.js';

// What GitHub's artifact service refuses in a name (the same list @actions/artifact checks).
const FORBIDDEN: [string, string][] = [
  ['"', 'double quote "'],
  [':', 'colon :'],
  ['<', 'less than <'],
  ['>', 'greater than >'],
  ['|', 'vertical bar |'],
  ['*', 'asterisk *'],
  ['?', 'question mark ?'],
  ['\r', 'carriage return \\r'],
  ['\n', 'line feed \\n'],
  ['\\', 'backslash \\'],
  ['/', 'forward slash /'],
];

export function checkArtifactName(name: string, input = 'artifact-name'): string {
  if (!name.trim()) throw new InputError(`Input '${input}' is empty; give the artifact a name, e.g. model-<sha>.`, { input });
  const bad = FORBIDDEN.filter(([c]) => name.includes(c)).map(([, what]) => what);
  if (bad.length > 0)
    throw new InputError(`Input '${input}' holds ${bad.join(', ')}, which GitHub refuses in an artifact name; use letters, digits, '-', '_' and '.' instead.`, {
      input,
    });
  return name;
}

/** GitHub keeps artifacts 1 to 90 days (a repository may lower the maximum). */
export function checkRetentionDays(days: number, input = 'retention-days'): number {
  if (!Number.isInteger(days) || days < 1 || days > 90)
    throw new InputError(`Input '${input}' is ${days}; GitHub keeps artifacts from 1 to 90 days, give a whole number in that range.`, { input });
  return days;
}
