import { QualysError } from "./qualys-error";

/**
 * The program's SDK asks for another version of the provider plugin than the one the engine started
 * (a plugin found through `plugins: providers` in Pulumi.yaml, which the engine does not check).
 */
export class VersionMismatchError extends QualysError {
  /** The plugin's version (the package's). */
  readonly plugin: string;
  /** The version the program's SDK asks for. */
  readonly asked: string;

  constructor(details: { plugin: string; asked: string }) {
    super(
      `The qualys-cs provider plugin is version ${details.plugin}, but the program's SDK asks for ` +
        `${details.asked}: install the package of the same version as the SDK (npm install ` +
        `pulumi-qualys-cs@${details.asked}), then run \`npx pulumi-qualys-cs plugin install\`, or point ` +
        `Pulumi.yaml's plugins entry at that package.`,
    );
    this.name = "VersionMismatchError";
    this.plugin = details.plugin;
    this.asked = details.asked;
  }
}
