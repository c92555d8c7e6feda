/** What every modelci JavaScript action does around its use case. */
export { readInputs } from './inputs.js';
export { annotate, annotateAll } from './annotations.js';
export { runAction } from './run-action.js';
export { maskSecrets } from './secrets.js';
export { infoBlock, infoLine } from './log.js';
export { octokitGitHubApi } from './github/octokit-github-api.js';
