/**
 * Starts an acceptance run: reads the tenant from the environment, puts the recording proxy in front of
 * its gateway (every call of the run goes through it, for the fidelity report) and chooses the run
 * prefix that every name of the run carries.
 */
import { startForwardingProxy } from "../harness/forwarding-proxy";
import { FidelityRecorder } from "./fidelity";
import { setRunState } from "./run-state";
import { newRunPrefix, PREFIX_VARIABLE, PROXY_VARIABLE, tenantFromEnv } from "./tenant";

export default async function globalSetup(): Promise<void> {
  const tenant = tenantFromEnv();
  const prefix = newRunPrefix();
  const recorder = new FidelityRecorder();
  const proxy = await startForwardingProxy(tenant.gatewayUrl, { observe: (ex) => recorder.observe(ex) });
  setRunState({ tenant, prefix, proxy, recorder, results: [] });
  process.env[PROXY_VARIABLE] = proxy.url;
  process.env[PREFIX_VARIABLE] = prefix;
  process.stdout.write(
    `\nAcceptance run: every object it makes is named ${prefix}…; it deletes them at the end, also when a\n` +
      `test fails. If the run is killed, delete what it left with:\n` +
      `  npx pulumi-qualys-cs sweep --prefix ${prefix} --registry ${tenant.registryId}         (lists them)\n` +
      `  npx pulumi-qualys-cs sweep --prefix ${prefix} --registry ${tenant.registryId} --yes   (deletes them)\n\n`,
  );
}
