import { InputError, parseInputMapping, parseNameList } from '../../src/index.js';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseNvidiaSmi, probeGpus } from '../../src/gpu/probe-gpu.js';

describe('input-mapping', () => {
  test('one "input = columns" per line; ":" works too; comments and blank lines are ignored', () => {
    const m = parseInputMapping('float_input = a, b ,c\n\n# the id is not a feature\nisland: island\n');
    expect([...m]).toEqual([
      ['float_input', ['a', 'b', 'c']],
      ['island', ['island']],
    ]);
  });

  test.each([
    ['features', /input-mapping line 1 \('features'\) is not 'model_input = column, column, \.\.\.'/],
    ['x = ', /input-mapping line 1 \('x ='\) is not/],
    ['x = a\nx = b', /maps model input 'x' twice \(line 2\)/],
  ])('%j is refused with its line', (text, message) => {
    let error: unknown;
    try {
      parseInputMapping(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
  });

  test('class and feature lists: JSON arrays (as exporters store them) or comma lists', () => {
    expect(parseNameList('["Adelie", "Gentoo"]')).toEqual(['Adelie', 'Gentoo']);
    expect(parseNameList('[0, 1, 2]')).toEqual(['0', '1', '2']);
    expect(parseNameList(' Adelie, Chinstrap ,Gentoo ')).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(parseNameList('[not json, a]')).toEqual(['[not json', 'a]']);
  });
});

describe('GPU probe', () => {
  test('reads nvidia-smi CSV (name, memory MiB, driver)', () => {
    const csv = 'NVIDIA H100 80GB HBM3, 81559, 550.54.15\nNVIDIA H100 80GB HBM3, 81559, 550.54.15\n';
    expect(parseNvidiaSmi(csv)).toEqual([
      { name: 'NVIDIA H100 80GB HBM3', memoryMiB: 81559, driver: '550.54.15' },
      { name: 'NVIDIA H100 80GB HBM3', memoryMiB: 81559, driver: '550.54.15' },
    ]);
    expect(parseNvidiaSmi('')).toEqual([]);
    expect(parseNvidiaSmi('No devices were found\n')).toEqual([]);
  });

  test('runs nvidia-smi with the query flags, and finds no GPU where there is none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smi-'));
    const smi = join(dir, 'nvidia-smi');
    writeFileSync(
      smi,
      '#!/bin/sh\n[ "$1" = "--query-gpu=name,memory.total,driver_version" ] && [ "$2" = "--format=csv,noheader,nounits" ] && echo "NVIDIA L4, 23034, 550.90.07"\n',
    );
    chmodSync(smi, 0o755);
    expect(await probeGpus(smi)).toEqual([{ name: 'NVIDIA L4', memoryMiB: 23034, driver: '550.90.07' }]);
    expect(await probeGpus(join(dir, 'missing'))).toEqual([]);
  });
});
