#!/usr/bin/env node
// The `modelci` command's entry: everything it does is in cli.ts and the command table.
import pkg from '../../../package.json' with { type: 'json' };
import { runCli } from './cli.js';

const io = { stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t), isTTY: process.stdout.isTTY === true };
process.exitCode = await runCli(process.argv.slice(2), io, pkg.version);
