import { PROFILE_INPUTS, runProfile } from '@modelci/core';
import type { Command } from '../command.js';
import { EXIT } from '../exit-codes.js';

export const profile: Command = {
  name: 'profile',
  summary: 'profile a dataset into a reference JSON for later drift checks',
  usage: '<data> --out <profile.json> [flags]',
  inputs: PROFILE_INPUTS,
  formats: ['text'],
  positional: 'data',
  async run(flags, io) {
    const { summary } = await runProfile(flags);
    io.stdout(summary + '\n');
    return EXIT.passed;
  },
};
