// Jest runs the TypeScript sources as ESM (the @actions packages are ESM-only).
// Type checking is `npm run typecheck`; ts-jest only transpiles, which keeps tests fast.
/** @type {import('jest').Config} */
export default {
  testEnvironment: '<rootDir>/test/helpers/node-environment.cjs',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/packages', '<rootDir>/actions', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 120000,
};
