/**
 * Every resource of the package, in the order the docs present them (a registry before the schedules that
 * scan it). What is generated per resource (reference pages, declarations, the plugin's schema, the import
 * command's code, the package's exports) takes its list from here, so a new resource is added in one place.
 */
import { REGISTRY } from "./registry/properties";
import { SCHEDULE } from "./schedule/properties";

export const RESOURCES = [REGISTRY, SCHEDULE] as const;
