/**
 * Settings of the command: the provider's own (`resolveSettings`), read from the stack's config when a
 * stack is named, else from the `QUALYS_*` environment, exactly as the provider does.
 */
import { CliError } from "../errors";
import { resolveSettings, type ClientSettings, type ConfigSource } from "../qualys/config";
import { lastLines, runPulumi } from "./pulumi-cli";
import { SETTINGS } from "../qualys/settings";

/** The help of `--stack`, for the commands that read the provider's settings as it does. */
export const STACK_OPTION_HELP = `  --stack <name>         read ${SETTINGS.gatewayUrl.key}, ${SETTINGS.username.key}, ${SETTINGS.password.key} from this stack's config
                         (runs \`pulumi config --show-secrets\` in the current directory); otherwise, and
                         for anything the stack does not set, ${SETTINGS.gatewayUrl.env}, ${SETTINGS.username.env} and
                         ${SETTINGS.password.env}`;

/** Where the stack config comes from. */
export interface StackConfigOptions {
  /** The stack whose config is read (`pulumi config --stack <stack>`). */
  stack: string;
  /** The Pulumi project directory the CLI runs in. */
  cwd: string;
  /** The `pulumi` executable (default: `pulumi` on PATH). */
  pulumi?: string;
}

/** Runs `pulumi config --json --show-secrets` and returns the values by key (secrets decrypted, in memory only). */
export async function readStackConfig(opts: StackConfigOptions): Promise<Map<string, string>> {
  const res = await runPulumi(["config", "--json", "--show-secrets", "--stack", opts.stack], {
    cwd: opts.cwd,
    pulumi: opts.pulumi,
  });
  if (res.code !== 0) {
    throw new CliError(
      `Could not read the config of stack ${JSON.stringify(opts.stack)} with \`pulumi config\` in ` +
        `${opts.cwd}: ${lastLines(res)} Run the command in the Pulumi project directory (with the passphrase ` +
        `or login the stack needs), or leave out --stack and set ${SETTINGS.gatewayUrl.env}, ${SETTINGS.username.env} ` +
        `and ${SETTINGS.password.env}.`,
    );
  }
  let parsed: Record<string, { value?: unknown } | undefined>;
  try {
    parsed = JSON.parse(res.stdout) as Record<string, { value?: unknown } | undefined>;
  } catch {
    throw new CliError(
      "`pulumi config --json` printed something that is not JSON; is `pulumi` the Pulumi CLI?",
    );
  }
  const values = new Map<string, string>();
  for (const [key, entry] of Object.entries(parsed)) {
    if (typeof entry?.value === "string") values.set(key, entry.value);
  }
  return values;
}

/** The provider settings: from the stack's config when `stack` is given (then the environment), else the environment. */
export async function settingsFor(stack: StackConfigOptions | undefined): Promise<ClientSettings> {
  let source: ConfigSource | undefined;
  if (stack) {
    const values = await readStackConfig(stack);
    source = (key) => values.get(key);
  }
  return resolveSettings(source);
}
