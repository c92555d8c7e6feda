import { rollBackUnfinished, ROLLBACK_INPUTS } from '@modelci/core';
import type { Command } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { printDeployment } from './canary.js';

export const rollback: Command = {
  name: 'rollback',
  summary: "give the stable version all traffic again (what the action's post step does)",
  usage: '--router <uri> [--record-path <file>] [flags]',
  inputs: ROLLBACK_INPUTS,
  formats: ['text', 'markdown', 'json'],
  async run(flags, io) {
    const outcome = await rollBackUnfinished(flags, 'Rolled back by hand (modelci rollback).', { log: (line) => io.stderr(`${line}\n`) });
    printDeployment(io, flags.format, outcome);
    return outcome.passed || outcome.record.state === 'rolled-back' ? EXIT.passed : EXIT.service;
  },
};
