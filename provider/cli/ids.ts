/**
 * Import IDs on the command line: `<registryId>/<scheduleId>`, the same ID the resource has in state.
 */
import { EXIT_USAGE, CliError } from "../errors";

/** A registry ID and a schedule ID, both non-empty, without slashes, spaces or control characters. */
export interface ImportId {
  registryId: string;
  scheduleId: string;
}

const EXAMPLE = '"5e1f0c2a-7b3d-4c8e-9a6f-1d2b3c4e5f60/9b2f6c1e-0d4a-4f3b-8c7e-2a1b3c4d5e6f"';
/**
 * True when `text` may be one part (a registry or a schedule ID) of an import ID. Qualys IDs are UUIDs,
 * but anything printable without a slash, a backslash or a space is let through to Qualys, which
 * answers "not found" for an ID it does not know.
 */
export function isIdPart(text: string): boolean {
  return (
    text !== "" &&
    Array.from(text).every(
      (c) => c !== "/" && c !== "\\" && !/\s/u.test(c) && c.charCodeAt(0) > 0x1f && c !== "\u007f",
    )
  );
}

/**
 * Parses `<registryId>/<scheduleId>`. Throws `CliError` (usage exit code) naming the ID and
 * the expected form when it is malformed.
 */
export function parseImportId(text: string): ImportId {
  const [registryId, scheduleId, ...extra] = text.split("/");
  if (
    registryId === undefined ||
    scheduleId === undefined ||
    extra.length > 0 ||
    !isIdPart(registryId) ||
    !isIdPart(scheduleId)
  ) {
    throw new CliError(
      `Malformed schedule ID ${JSON.stringify(text)}: expected "<registryId>/<scheduleId>" (two IDs joined ` +
        `by one "/", no spaces), for example ${EXAMPLE}. The IDs are in the Qualys console, or run ` +
        `\`pulumi-qualys-cs import --registry <registryId>\` to import every schedule of the registry.`,
      EXIT_USAGE,
    );
  }
  return { registryId, scheduleId };
}

/**
 * Parses a `--schedule` value: a bare schedule ID of `registryId`, or a full `<registryId>/<scheduleId>`
 * whose registry must then be `registryId` (when one was given).
 */
export function parseScheduleArg(text: string, registryId: string | undefined): ImportId {
  if (!text.includes("/")) {
    if (!isIdPart(text)) {
      throw new CliError(
        `Malformed schedule ID ${JSON.stringify(text)}: a schedule ID has no spaces or control characters.`,
        EXIT_USAGE,
      );
    }
    if (registryId === undefined) {
      throw new CliError(
        `--schedule ${JSON.stringify(text)} needs --registry <registryId>, or give it as ` +
          `"<registryId>/${text}".`,
        EXIT_USAGE,
      );
    }
    return { registryId, scheduleId: text };
  }
  const id = parseImportId(text);
  if (registryId !== undefined && id.registryId !== registryId) {
    throw new CliError(
      `--schedule ${JSON.stringify(text)} belongs to registry ${id.registryId}, not to --registry ${registryId}: ` +
        `give the bare schedule ID, or leave out --registry.`,
      EXIT_USAGE,
    );
  }
  return id;
}
