// Tests run on the compiled output (`npm run build` type-checks everything first), so jest
// needs no TypeScript transform.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/dist/test"],
  testMatch: ["**/*.test.js"],
  // The acceptance set runs against a tenant, through `npm run test:acceptance` (jest.acceptance.config.js);
  // test/e2e/acceptance.test.ts runs it against the simulator.
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/dist/test/acceptance/"],
  // End-to-end tests drive the real pulumi CLI: each test owns its stack, so files run in parallel.
  maxWorkers: 2,
  testTimeout: 120000,
};
