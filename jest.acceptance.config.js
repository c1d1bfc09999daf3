// `npm run test:acceptance` (test/acceptance/run.sh): the curated end-to-end set against the Qualys
// tenant in QUALYS_GATEWAY_URL, one file after another, with the recording proxy and the clean-up of the
// global setup and teardown. Tests run on the compiled output, as in jest.config.js.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/dist/test/acceptance"],
  testMatch: ["**/*.test.js"],
  globalSetup: "<rootDir>/dist/test/acceptance/global-setup.js",
  globalTeardown: "<rootDir>/dist/test/acceptance/global-teardown.js",
  reporters: ["default", "<rootDir>/dist/test/acceptance/results-reporter.js"],
  maxWorkers: 1,
  // A real tenant answers slower than the simulator.
  testTimeout: 600000,
};
