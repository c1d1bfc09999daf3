// `npm run schema`: rewrites provider/plugin/schema.json from the property tables (provider/plugin/schema.ts).
import * as fs from "node:fs";

import { SCHEMA_FILE, schemaText } from "../../provider/plugin/schema";

if (require.main === module) fs.writeFileSync(SCHEMA_FILE, schemaText());
