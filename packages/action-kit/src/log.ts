import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { logText, withoutCommands } from '@modelci/core/shared';

/** One log line holding untrusted text (a column name, a server's answer): it cannot be a workflow command. */
export function infoLine(line: string): void {
  core.info(logText(line));
}

/** A block printed as it is (line breaks kept), with the runner's command processing paused around it. */
export function infoBlock(block: string): void {
  process.stdout.write(withoutCommands(block, randomBytes(16).toString('hex')));
}
