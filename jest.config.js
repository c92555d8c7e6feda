// Jest runs the TypeScript sources as ESM (the @actions packages are ESM-only).
// Type checking is `npm run typecheck`; ts-jest only transpiles, which keeps tests fast.
// Three projects: `unit` (seconds, no services), `integration` (real services on 127.0.0.1, the
// test models), `e2e` (the committed bundles in dist/). `--selectProjects unit` runs one.
const shared = {
  testEnvironment: '<rootDir>/test/helpers/node-environment.cjs',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
};

/** @type {import('jest').Config} */
export default {
  testTimeout: 120000,
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/packages', '<rootDir>/actions'], testMatch: ['<rootDir>/{packages,actions}/*/test/**/*.test.ts'] },
    { ...shared, displayName: 'integration', roots: ['<rootDir>/test'], testMatch: ['<rootDir>/test/{integration,models}/**/*.test.ts'] },
    // The bundles must be built from today's sources: the setup refuses a stale dist/ in one sentence.
    {
      ...shared,
      displayName: 'e2e',
      roots: ['<rootDir>/test'],
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/helpers/dist-is-current.mjs',
    },
  ],
};
