import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { month, splitCsv } from '../helpers/datasets.js';
import { ROOT, nodeVersion, testNodes } from '../helpers/run-bundle.js';

const CLI = join(ROOT, 'dist/cli/index.js');
const seasons = splitCsv('seattle-weather.csv', (l) => ([12, 1, 2].includes(month(l)) ? 'a' : [6, 7, 8].includes(month(l)) ? 'b' : null));

describe.each(testNodes().map((node) => [nodeVersion(node), node]))('modelci CLI bundle on Node %s', (version, node) => {
  const modelci = (...args: string[]) => spawnSync(node, [CLI, ...args], { cwd: seasons.dir, encoding: 'utf8' });

  test('drift prints the report table and exits 1 on drift', () => {
    const run = modelci('drift', '--reference', seasons.a, '--current', seasons.b, '--ignore-columns', 'date', '--report-path', `cli-${version}.json`);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^DRIFT {2}\d of 5 features drifted/);
    expect(run.stdout).toMatch(/temp_max +drift +KS D 0\.967/);
    expect(JSON.parse(readFileSync(join(seasons.dir, `cli-${version}.json`), 'utf8')).verdict.drifted).toBe(true);
  });

  test('profile then drift from the profile', () => {
    const profile = join(seasons.dir, `winter-${version}.profile.json`);
    const made = modelci('profile', seasons.a, '--out', profile);
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/^Profiled 361 rows, 6 columns \(6 exact, 0 sketched\)/);
    const run = modelci(
      'drift',
      '--reference',
      profile,
      '--current',
      seasons.b,
      '--ignore-columns',
      'date',
      '--format',
      'json',
      '--report-path',
      `cli-p-${version}.json`,
    );
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).reference.origin).toBe('profile');
  });

  test.each([
    [['drift', '--reference', 'x.csv'], 'modelci: --current is required: give the data to check (file, directory or glob).\n'],
    [['drift', '--bogus', '1'], "modelci: unknown flag --bogus for modelci drift; run 'modelci drift --help' for the flags.\n"],
    [
      ['drift', '--refrence', 'x.csv'],
      "modelci: unknown flag --refrence for modelci drift; did you mean --reference? run 'modelci drift --help' for the flags.\n",
    ],
    [
      ['drift', '--threshold', '0.05'],
      "modelci: modelci drift has no --threshold (a seed script's flag); the flag that means the same here is --significance-level.\n",
    ],
    [
      ['drfit'],
      "modelci: unknown command 'drfit'; did you mean 'drift'? The commands are train, drift, profile, gates, register, attach, promote, resolve, list, canary, rollback, monitor (modelci --help).\n",
    ],
    [
      ['frobnicate'],
      "modelci: unknown command 'frobnicate'; the commands are train, drift, profile, gates, register, attach, promote, resolve, list, canary, rollback, monitor (modelci --help).\n",
    ],
    [['profile'], 'modelci: give exactly one data path, e.g. modelci profile <data> --out <profile.json> [flags]\n'],
    [
      ['gates', '--report', 'r.json', '--gates', 'size <= 1MB', '--max-model-size', '500'],
      "modelci: --max-model-size is '500': 500 what? Write 500MB or 500MiB.\n",
    ],
    [
      ['gates', '--report', 'r.json', '--gates', 'size <= 1MB', '--latency-runs', '1e12'],
      'modelci: --latency-runs is 1e12, above the most modelci accepts (1,000,000); give a whole number from 1 to 1,000,000.\n',
    ],
    [
      ['canary', '--router', 'command:./r.sh', '--metrics', 'http-json+http://127.0.0.1:9/m', '--interval', '300'],
      "modelci: --interval is '300': 300 what? Write 300s, 300m or 300ms.\n",
    ],
    [
      ['canary', '--router', 'command:./r.sh', '--metrics', 'http-json+http://127.0.0.1:9/m', '--max-error-rate', '1'],
      "modelci: --max-error-rate is '1', which would mean 100%; write 1% or 0.01.\n",
    ],
    [['promote', '--name', 'm', '--version', '1', '--force', 'yes'], "modelci: --force is 'yes'; write true or false.\n"],
  ])('usage mistakes exit 2 with one line in flag syntax (%#)', (args, stderr) => {
    const run = modelci(...args);
    expect(run.stderr).toBe(stderr);
    expect(run.status).toBe(2);
  });

  test.each(['drift', 'profile', 'gates', 'register', 'promote', 'resolve', 'list', 'canary', 'rollback'])(
    'modelci %s --help lists its flags and the exit codes',
    (command) => {
      const run = modelci(command, '--help');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^modelci \\d+\\.\\d+\\.\\d+ — ${command}: `));
      expect(run.stdout).toContain('--format ');
      expect(run.stdout).toContain('3  an outside service failed');
    },
  );

  test('--version is the package version', () => {
    const run = modelci('--version');
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  test('a service that is not there: exit 3, one line, no stack trace', () => {
    const run = modelci('list', '--name', 'penguins', '--registry', 'oci+http://127.0.0.1:9/models');
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.status).toBe(3);
  });

  test('a missing data file: exit 2, one sentence naming it, no report', () => {
    const run = modelci('drift', '--reference', seasons.a, '--current', 'missing.csv', '--report-path', `never-${version}.json`);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).toContain('missing.csv');
    expect(existsSync(join(seasons.dir, `never-${version}.json`))).toBe(false);
  });
  // A user's path mistake is one sentence naming the flag (exit 2), never a stack trace (exit 3).
  describe('path mistakes', () => {
    const here = (name: string) => join(seasons.dir, `${name}-${version}`);
    const oneSentence = (run: ReturnType<typeof modelci>, pattern: RegExp) => {
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(run.stderr).toMatch(pattern);
      expect(run.status).toBe(2);
    };

    test('drift --report-path <dir>', () => {
      mkdirSync(here('report-dir'));
      const run = modelci('drift', '--reference', seasons.a, '--current', seasons.b, '--ignore-columns', 'date', '--report-path', `report-dir-${version}`);
      oneSentence(
        run,
        new RegExp(
          `^modelci: --report-path is a directory \\(report-dir-${version.replace(/\./g, '\\.')}/\\): give a file path such as report-dir-[^ ]+/drift-report\\.json\\.\n$`,
        ),
      );
      expect(readdirSync(here('report-dir'))).toEqual([]);
    });

    test('profile --out <dir>', () => {
      mkdirSync(here('profile-dir'));
      oneSentence(
        modelci('profile', seasons.a, '--out', `profile-dir-${version}`),
        /^modelci: --out is a directory \(profile-dir-[^)]+\/\): give a file path such as profile-dir-[^ ]+\/profile\.json\.\n$/,
      );
    });

    test('register --registry <file>', () => {
      writeFileSync(here('model.onnx'), 'not really a model');
      writeFileSync(here('registry-file'), 'x');
      oneSentence(
        modelci('register', '--name', 'm', '--model', `model.onnx-${version}`, '--registry', `registry-file-${version}`),
        /^modelci: --registry is a file \(registry-file-[^)]+\), not a folder: give a folder path \(it is created if missing\)\.\n$/,
      );
    });

    test('resolve --download <file>', () => {
      writeFileSync(here('model.onnx'), 'not really a model');
      expect(modelci('register', '--name', 'm', '--model', `model.onnx-${version}`, '--registry', `reg-${version}`).status).toBe(0);
      writeFileSync(here('download-file'), 'keep me');
      oneSentence(
        modelci('resolve', '--name', 'm', '--version', '1', '--registry', `reg-${version}`, '--download', `download-file-${version}`),
        /^modelci: --download is a file \(download-file-[^)]+\), not a folder: give a folder path \(it is created if missing\)\.\n$/,
      );
      expect(readFileSync(here('download-file'), 'utf8')).toBe('keep me');
    });
  });
});
