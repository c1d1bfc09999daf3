/**
 * Every resource of the package, in the order the docs present them (a registry before the schedules that
 * scan it). What is generated per resource (reference pages, declarations, the plugin's schema, the import
 * command's code, the package's exports) takes its list from here, so a new resource is added in one place.
 */
import { GET_AWS_BASE, GET_REGISTRY } from "./registry/functions";
import { REGISTRY } from "./registry/properties";
import { SCHEDULE } from "./schedule/properties";

export const RESOURCES = [REGISTRY, SCHEDULE] as const;

/**
 * Every function (look-up) of the package, in the order the docs present them; the plugin's schema and
 * the docs take their list from here, like `RESOURCES`.
 */
export const FUNCTIONS = [GET_REGISTRY, GET_AWS_BASE] as const;
