// Test kind by file suffix: `*.test.ts` are fast unit tests, `*.e2e.ts` start real servers.
// Run one kind alone with `npx jest --selectProjects unit` (or `e2e`).
const transform = {
  '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { displayName: 'unit', testMatch: ['<rootDir>/test/src/**/*.test.ts'], transform },
    {
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/src/**/*.e2e.ts'],
      transform,
      // Booting five embedded databases and seeding them takes seconds, not milliseconds.
      setupFilesAfterEnv: ['<rootDir>/test/src/support/e2eTimeout.ts'],
    },
  ],
};
