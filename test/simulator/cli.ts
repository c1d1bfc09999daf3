// Runs the simulator from a shell until SIGINT/SIGTERM:
//   node dist/test/simulator/cli.js --port <n> [--username <u>] [--password <p>]
//     [--registry <id>:<type>]... [--repository <registryId>=<name>]... [--token-ttl <seconds>]
//     [--state <file.json>]
import { parseArgs } from "node:util";
import { DEMO_PASSWORD, DEMO_REGISTRY_ID, DEMO_REGISTRY_TYPE, DEMO_USERNAME, startSimulator } from "./index";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function parseRegistry(spec: string): { id: string; type: string } {
  // The type follows the last colon, so an id may itself contain colons.
  const at = spec.lastIndexOf(":");
  if (at <= 0 || at === spec.length - 1) fail(`--registry expects <id>:<type>, got ${JSON.stringify(spec)}`);
  return { id: spec.slice(0, at), type: spec.slice(at + 1) };
}

/** `<registryId>=<name>`: a repository the registry holds (a registry ID has no `=`). */
function parseRepository(spec: string): { registryId: string; name: string } {
  const at = spec.indexOf("=");
  if (at <= 0 || at === spec.length - 1) {
    fail(`--repository expects <registryId>=<name>, got ${JSON.stringify(spec)}`);
  }
  return { registryId: spec.slice(0, at), name: spec.slice(at + 1) };
}

function parseNumber(flag: string, raw: string | undefined, dflt: number): number {
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    fail(`${flag} expects a non-negative integer, got ${JSON.stringify(raw)}`);
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: "string" },
        username: { type: "string" },
        password: { type: "string" },
        registry: { type: "string", multiple: true },
        repository: { type: "string", multiple: true },
        "token-ttl": { type: "string" },
        state: { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  const repositories = (values.repository ?? []).map(parseRepository);
  const registries = (values.registry ?? []).map(parseRegistry);
  const username = values.username ?? DEMO_USERNAME;
  const password = values.password ?? DEMO_PASSWORD;
  const sim = await startSimulator({
    port: parseNumber("--port", values.port, 0),
    username,
    password,
    registries: (registries.length > 0
      ? registries
      : [{ id: DEMO_REGISTRY_ID, type: DEMO_REGISTRY_TYPE }]
    ).map((r) => ({
      ...r,
      repositories: repositories.filter((p) => p.registryId === r.id).map((p) => p.name),
    })),
    tokenTtlSeconds: parseNumber("--token-ttl", values["token-ttl"], 4 * 3600),
    statePath: values.state,
  });
  const shown = registries.length > 0 ? registries : [{ id: DEMO_REGISTRY_ID, type: DEMO_REGISTRY_TYPE }];
  const lines = [
    `Qualys simulator listening on ${sim.url}`,
    `  username: ${username}`,
    // The demo password is public by design; a password the user chose is not echoed.
    `  password: ${values.password === undefined ? password : "(as given with --password)"}`,
    ...shown.map((r) => `  registry: ${r.id} (${r.type})`),
    ...repositories.map((p) => `  repository: ${p.name} (registry ${p.registryId})`),
    ...(values.state ? [`  state:    ${values.state}`] : []),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);

  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
