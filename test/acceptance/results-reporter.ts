/**
 * A jest reporter that hands each test's outcome to the run's global teardown, for the fidelity report.
 * Jest calls it after every test file, before the teardown.
 */
import type { TestOutcome } from "./fidelity";
import { runState } from "./run-state";

interface AssertionResult {
  fullName: string;
  status: string;
}

export default class ResultsReporter {
  onTestResult(_test: unknown, result: { testResults: AssertionResult[] }): void {
    const state = runState();
    if (!state) return;
    for (const a of result.testResults) {
      const status: TestOutcome["status"] =
        a.status === "passed" ? "passed" : a.status === "failed" ? "failed" : "skipped";
      state.results.push({ name: a.fullName, status });
    }
  }
}
