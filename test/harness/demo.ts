/**
 * `npm run demo`: starts the local Qualys simulator and runs a real `pulumi up` of the demo project
 * (Pulumi.yaml at the repository root, program examples/daily) against it, then prints what exists.
 *
 * Everything lives in .demo/ (ignored by git): the project copy, its file backend, PULUMI_HOME and
 * the simulator's saved state, so running the demo again finds its schedules and changes nothing.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";

import { LocalWorkspace, PulumiCommand } from "@pulumi/pulumi/automation";

import { DEMO_PASSWORD, DEMO_REGISTRY_ID, DEMO_USERNAME, startSimulator } from "../simulator";
import { CONSUMER_MODULES, REPO_ROOT, TOOLS_DIR, offlineEnv } from "./stack";

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
  fs.cpSync(path.join(REPO_ROOT, "examples", "daily"), path.join(project, "examples", "daily"), {
    recursive: true,
  });
  fs.writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify({ name: "qualys-cs-demo", private: true }),
  );
  const modules = path.join(project, "node_modules");
  if (!fs.existsSync(modules)) fs.symlinkSync(CONSUMER_MODULES, modules, "dir");

  // A fixed port keeps qualys:gatewayUrl, and so the stack's provider config, the same on every run.
  const sim = await startSimulator({
    port: Number(values.port),
    statePath: path.join(demo, "simulator-state.json"),
  });
  console.log(
    `Qualys simulator listening on ${sim.url} (user ${DEMO_USERNAME}, registry ${DEMO_REGISTRY_ID})\n`,
  );
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
      "qualys-cs-demo:registryId": { value: DEMO_REGISTRY_ID },
    });
    const onOutput = (s: string): boolean => process.stdout.write(s);
    if (values.destroy) {
      await stack.destroy({ onOutput });
    } else {
      await stack.up({ onOutput });
    }
    console.log("\nSchedules in the simulator now:");
    for (const s of sim.control.schedules(DEMO_REGISTRY_ID)) {
      const repos = s.filters.flatMap((f) => f.repoTags.map((r) => r.repo)).join(", ");
      console.log(
        `  ${s.scheduleUuid}  ${s.name}  every ${s.scheduleScanIntervalInDays ?? "-"} day(s) at ${s.schedule ?? "-"} UTC  [${repos}]  ${s.status}`,
      );
    }
    console.log(
      `\nThe demo stack lives in .demo/ (try editing .demo/project/examples/daily/index.ts and running ` +
        `\`npm run demo\` again; \`npm run demo -- --destroy\` removes the schedules).`,
    );
  } finally {
    await sim.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
