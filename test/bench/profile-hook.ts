/**
 * Loaded into every Node.js process of a profiled CLI run (`--profile`, through `NODE_OPTIONS`
 * `--require`). The engine stops a provider plugin with SIGINT (then SIGKILL after 5 s), and a Node.js
 * process ended by a signal never writes its `--cpu-prof` profile; so the dynamic provider host, and
 * only it, exits on SIGINT instead, which writes it.
 */
if (process.argv.some((arg) => arg.includes("dynamic-provider"))) {
  process.once("SIGINT", () => process.exit(130));
}
