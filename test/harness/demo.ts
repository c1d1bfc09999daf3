/**
 * `npm run demo`: starts the local Qualys simulator and runs a real `pulumi up` of the demo project
 * (Pulumi.yaml at the repository root, program examples/registry-with-schedules: a registry and two
 * schedules that take its ID) against it, then prints what Qualys holds, each registry before its
 * schedules. The simulator stands in for Qualys and for the registry (it does not reach the URI).
 *
 * Everything lives in .demo/ (ignored by git): the project copy, its file backend, PULUMI_HOME and
 * the simulator's saved state, so running the demo again finds its resources and changes nothing.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";

import { LocalWorkspace, PulumiCommand } from "@pulumi/pulumi/automation";

import { DEMO_PASSWORD, DEMO_USERNAME, startSimulator, type RunningSimulator } from "../simulator";
import { CONSUMER_MODULES, REPO_ROOT, TOOLS_DIR, offlineEnv } from "./stack";

/** The program the demo runs (Pulumi.yaml's `main`). */
const PROGRAM = path.join("examples", "registry-with-schedules");
/** The password of the demo's registry: a secret in the stack config, as the example expects. */
const REGISTRY_PASSWORD = "demo-registry-password";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.DEMO_PORT ?? "18640" },
    destroy: { type: "boolean", default: false },
  },
});

async function main(): Promise<void> {
  const demo = path.join(REPO_ROOT, ".demo");
  const project = path.join(demo, "project");
  const home = path.join(demo, "home");
  const backend = path.join(demo, "state");
  for (const d of [project, home, backend, path.join(project, "examples")])
    fs.mkdirSync(d, { recursive: true });
  fs.copyFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), path.join(project, "Pulumi.yaml"));
  fs.cpSync(path.join(REPO_ROOT, PROGRAM), path.join(project, PROGRAM), { recursive: true });
  fs.writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify({ name: "qualys-cs-demo", private: true }),
  );
  const modules = path.join(project, "node_modules");
  if (!fs.existsSync(modules)) fs.symlinkSync(CONSUMER_MODULES, modules, "dir");

  // A fixed port keeps qualys:gatewayUrl, and so the stack's provider config, the same on every run.
  // No seeded registry: the program connects its own.
  const sim = await startSimulator({
    port: Number(values.port),
    statePath: path.join(demo, "simulator-state.json"),
    registries: [],
  });
  console.log(`Qualys simulator listening on ${sim.url} (user ${DEMO_USERNAME})\n`);
  try {
    const env = offlineEnv(home, backend);
    const pulumiCommand = await PulumiCommand.get({ root: TOOLS_DIR, skipVersionCheck: true });
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName: "dev", workDir: project },
      { workDir: project, pulumiHome: home, envVars: env, pulumiCommand },
    );
    await stack.setAllConfig({
      "qualys:gatewayUrl": { value: sim.url },
      "qualys:username": { value: DEMO_USERNAME },
      "qualys:password": { value: DEMO_PASSWORD, secret: true },
      "qualys-cs-demo:harborPassword": { value: REGISTRY_PASSWORD, secret: true },
    });
    const onOutput = (s: string): boolean => process.stdout.write(s);
    if (values.destroy) {
      await stack.destroy({ onOutput });
    } else {
      await stack.up({ onOutput });
    }
    printHoldings(sim);
    console.log(
      `\nThe demo stack lives in .demo/ (try editing .demo/project/${PROGRAM}/index.ts and running ` +
        `\`npm run demo\` again; \`npm run demo -- --destroy\` removes the registry and its schedules).`,
    );
  } finally {
    await sim.close();
  }
}

/** What Qualys (the simulator) holds now: each registry, then the schedules in it. */
function printHoldings(sim: RunningSimulator): void {
  const registries = sim.control.registries();
  console.log(registries.length === 0 ? "\nQualys holds no registry now." : "\nQualys holds now:");
  for (const r of registries) {
    console.log(`  registry ${r.registryUuid}  ${r.registryName}  ${r.registryType} ${r.registryUri}`);
    for (const s of sim.control.schedules(r.registryUuid)) {
      const repos = s.filters.flatMap((f) => f.repoTags.map((t) => t.repo)).join(", ");
      const when =
        s.scheduleScanIntervalInDays === 7
          ? `weekly on ${s.weekDay ?? "-"}${s.schedule ? ` at ${s.schedule} UTC` : ""}`
          : `every ${s.scheduleScanIntervalInDays ?? "-"} day(s) at ${s.schedule ?? "-"} UTC`;
      console.log(`    schedule ${s.scheduleUuid}  ${s.name}  ${when}  [${repos}]  ${s.status}`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
