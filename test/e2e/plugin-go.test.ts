/**
 * Go: the generated SDK (sdk/go) compiled against sdk/v3 at the CLI's version into the test program
 * (test/harness/go-program.sh, cached by the sources' hash), then that program through the registry's
 * whole life against the simulator (test/harness/sdk-programs.ts).
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";

import { describeSdkLifecycle } from "../harness/sdk-programs";
import { REPO_ROOT } from "../harness/stack";
import { useSimulator } from "../harness/use-simulator";

const { sim } = useSimulator();
let drive = "";

describeSdkLifecycle(
  { language: "Go", runtime: "go", command: () => [drive] },
  sim,
  () => {
    // Compiling is the SDK's type check: a schema the Go SDK cannot express fails here.
    drive = execFileSync("bash", [path.join(REPO_ROOT, "test", "harness", "go-program.sh")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }).trim();
  },
  // A cold build compiles sdk/v3 and the Automation API: minutes on a loaded 2-core machine.
  1_800_000,
);
