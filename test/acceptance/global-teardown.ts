/**
 * Ends an acceptance run: deletes whatever still carries the run prefix, schedules in the run's registry
 * and registries (the tests delete what they make; this catches what a failed test left), checks that
 * nothing is left, and writes the fidelity report (JSON and Markdown) with every value of the run
 * scrubbed.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

import {
  deleteCandidates,
  deleteRegistryCandidates,
  findPrefixed,
  findPrefixedRegistries,
} from "../../provider/cli/sweep";
import { REPO_ROOT, TOOLS_DIR } from "../harness/stack";
import { buildReport, renderSummary, scrub, type FidelityReport } from "./fidelity";
import { runState } from "./run-state";
import { PROXY_VARIABLE, tenantApis } from "./tenant";

/** Where the report goes: `QUALYS_ACCEPTANCE_REPORT_DIR`, else `acceptance-report/` in the repository. */
export function reportDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.QUALYS_ACCEPTANCE_REPORT_DIR || path.join(REPO_ROOT, "acceptance-report");
}

function pulumiVersion(): string {
  try {
    return execFileSync(path.join(TOOLS_DIR, "bin", "pulumi"), ["version"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

export default async function globalTeardown(): Promise<void> {
  const state = runState();
  if (!state) return;
  const { tenant, prefix, proxy, recorder } = state;
  const run = { ...tenant, prefix, proxyUrl: process.env[PROXY_VARIABLE] ?? proxy.url };
  const apis = tenantApis(run);
  const made = recorder.recording().objects;
  let deletedByCleanUp = 0;
  let leftBehind = 0;
  const problems: string[] = [];
  const leftovers = async () => ({
    schedules: await findPrefixed(apis.schedules, [tenant.registryId], prefix),
    registries: await findPrefixedRegistries(apis.registries, prefix),
  });
  try {
    const found = await leftovers();
    const outcomes = [
      await deleteCandidates(apis.schedules, found.schedules),
      await deleteRegistryCandidates(apis, found.registries),
    ];
    for (const o of outcomes) {
      deletedByCleanUp += o.deleted.length;
      for (const f of o.failed) problems.push(`clean-up could not delete an object: ${f.message}`);
    }
    const left = await leftovers();
    leftBehind = left.schedules.length + left.registries.length;
  } catch (err) {
    leftBehind = -1;
    problems.push(`clean-up failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    apis.schedules.client.close();
  }
  await proxy.close();

  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
    version: string;
  };
  const report: FidelityReport = buildReport(recorder.recording(), {
    date: new Date().toISOString().slice(0, 10),
    versions: { package: pkg.version, pulumiCli: pulumiVersion(), node: process.version },
    tests: state.results,
    objects: {
      created: made.schedules.created + made.registries.created,
      schedules: made.schedules.created,
      registries: made.registries.created,
      deletedByTests: made.schedules.deleted + made.registries.deleted,
      deletedByCleanUp,
      leftBehind,
    },
  });
  report.differences.push(...problems);
  if (problems.length > 0) report.verdict = "differs";

  const host = new URL(tenant.gatewayUrl).host;
  const secrets = [
    tenant.password,
    tenant.username,
    tenant.gatewayUrl,
    host,
    run.proxyUrl,
    new URL(run.proxyUrl).host,
    tenant.registryId,
    prefix,
    ...recorder.createdIds(),
  ];
  const json = scrub(JSON.stringify(report, null, 2), secrets);
  const summary = scrub(renderSummary(report), secrets);
  const dir = reportDir();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "fidelity-report.json"), `${json.text}\n`);
  fs.writeFileSync(path.join(dir, "fidelity-report.md"), summary.text);
  process.stdout.write(
    `\n${summary.text}\nFidelity report written to ${path.join(dir, "fidelity-report.json")} and fidelity-report.md ` +
      `(${json.replaced + summary.replaced} values scrubbed). Attach both to a bug report as they are.\n` +
      (leftBehind === 0
        ? `Nothing named ${prefix}… is left in the registry.\n`
        : `Objects named ${prefix}… may be left: run \`npx pulumi-qualys-cs sweep --prefix ${prefix} --registry ${tenant.registryId}\`.\n`),
  );
}
