// `npm run docs`: rewrites the README's property tables from the resources' property tables.
import * as path from "node:path";

import { REGISTRY } from "../../provider/registry/properties";
import { SCHEDULE } from "../../provider/schedule/properties";
import { writeReadme } from "./property-table";

/** Every resource whose table the README shows. */
export const DOCUMENTED = [SCHEDULE, REGISTRY];

if (require.main === module) writeReadme(path.resolve(__dirname, "..", "..", "..", "README.md"), DOCUMENTED);
