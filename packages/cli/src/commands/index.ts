/** The command table, in the order the pipeline runs. */
import type { Command } from '../command.js';
import { attach } from './attach.js';
import { canary } from './canary.js';
import { drift } from './drift.js';
import { gates } from './gates.js';
import { list } from './list.js';
import { monitor } from './monitor.js';
import { profile } from './profile.js';
import { promote } from './promote.js';
import { register } from './register.js';
import { resolve } from './resolve.js';
import { rollback } from './rollback.js';
import { train } from './train.js';

export const COMMANDS: readonly Command[] = [train, drift, profile, gates, register, attach, promote, resolve, list, canary, rollback, monitor];
