import { LIST_INPUTS, renderVersionListText, runList } from '@modelci/core';
import type { Command } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { printResult } from './print-result.js';

export const list: Command = {
  name: 'list',
  summary: "list a model's versions",
  usage: '--name <name> [--registry <uri>] [flags]',
  inputs: LIST_INPUTS,
  formats: ['text', 'json'],
  async run(flags, io) {
    const versions = await runList(flags);
    printResult(io, flags.format, versions, renderVersionListText(versions));
    return EXIT.passed;
  },
};
