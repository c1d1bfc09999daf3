/**
 * Checks a resource's hand-written declarations against its property table (`provider/core/properties.ts`):
 * the args type users write (`<typeName>Args`, an interface or a union of object types such as a
 * discriminated union) and the outputs declared on the resource class (`<typeName>`), read from the
 * source with the TypeScript compiler API. test/unit/resource-declarations.test.ts runs it for every
 * resource; docs/architecture.md, "How to add a property", lists what it checks.
 */
import * as path from "node:path";
import * as ts from "typescript";

import {
  type ChangeMode,
  type InputSpec,
  type PropertyTable,
  type ResourceDefinition,
} from "../../provider/core/properties";

/** The sentences a property's TSDoc carries, so that the editor says what the table says. */
export const WORDING = {
  replace: "Changing it replaces",
  update: "Updates in place.",
  secret: "Kept as a Pulumi secret.",
  resourceName: "Defaults to the Pulumi resource name.",
  default: (value: string | number | boolean): string => `Defaults to \`${JSON.stringify(value)}\`.`,
} as const;

/** The rules checked, one `describe` each in the test. */
export type Rule =
  | "an input is declared in the args type, and nothing else is"
  | "an args property is optional unless the table says required"
  | "the TSDoc carries the table's description"
  | "the TSDoc says what a change does (replace or update)"
  | "the TSDoc says the default"
  | "the TSDoc of a secret says it is kept as a secret"
  | "a block's members are the table's fields"
  | "every property is an output declared on the class, and nothing else is"
  | "an output may be undefined exactly when the table lets it be absent";

export interface Finding {
  rule: Rule;
  message: string;
}

/** Where a resource's declarations live: its table and its `resource.ts`, relative to the repository root. */
export interface DeclaredResource {
  resource: ResourceDefinition<PropertyTable>;
  file: string;
}

/** The repository root (this file runs from dist/test/docs). */
export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");

/** A program over `files` (absolute), with the repository's compiler options; `virtual` adds in-memory files. */
export function programOf(
  files: readonly string[],
  virtual: Readonly<Record<string, string>> = {},
): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(REPO_ROOT, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => fail(ts.flattenDiagnosticMessageText(d.messageText, "\n")),
    },
  );
  if (!config) fail("cannot read tsconfig.json");
  const options = { ...config.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    Object.prototype.hasOwnProperty.call(virtual, name)
      ? ts.createSourceFile(name, virtual[name] ?? "", language, true)
      : getSourceFile(name, language, ...rest);
  host.fileExists = (name) => Object.prototype.hasOwnProperty.call(virtual, name) || fileExists(name);
  return ts.createProgram([...files, ...Object.keys(virtual)], options, host);
}

function fail(message: string): never {
  throw new Error(message);
}

const normalize = (text: string): string => text.replace(/\s+/g, " ").trim();

/** One declaration of a property: in an args member, a block interface, or the class. */
interface Declared {
  symbol: ts.Symbol;
  optional: boolean;
  doc: string;
}

/** The properties of each object type of `type` (one per member of a union), keyed by name. */
function membersOf(checker: ts.TypeChecker, type: ts.Type): Array<Map<string, Declared>> {
  const objects = type.isUnion() ? type.types : [type];
  return objects.map((object) => {
    const members = new Map<string, Declared>();
    for (const symbol of checker.getPropertiesOfType(object)) {
      members.set(symbol.getName(), {
        symbol,
        optional: (symbol.getFlags() & ts.SymbolFlags.Optional) !== 0,
        doc: normalize(ts.displayPartsToString(symbol.getDocumentationComment(checker))),
      });
    }
    return members;
  });
}

/** The object types a `pulumi.Input<T>` property holds: `T` without `Promise`, `Output` and `undefined`. */
function blockTypeOf(checker: ts.TypeChecker, declared: Declared): ts.Type[] {
  const declaration = declared.symbol.valueDeclaration ?? declared.symbol.declarations?.[0];
  if (!declaration) return [];
  const type = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(declared.symbol, declaration));
  const wrappers = new Set(["Promise", "OutputInstance", "Output"]);
  // A list of blocks (`list: true` in the table) declares an array of them: its element type is the block.
  const objects = (t: ts.Type): ts.Type[] =>
    (t.isUnion() ? t.types : [t]).flatMap((member) =>
      checker.isArrayType(member)
        ? checker.getTypeArguments(member as ts.TypeReference).flatMap(objects)
        : (member.getFlags() & ts.TypeFlags.Object) !== 0 &&
            !wrappers.has(member.getSymbol()?.getName() ?? "")
          ? [member]
          : [],
    );
  return objects(type);
}

/** The wording rules of one declaration's TSDoc, for a property or a block member. */
function docFindings(
  where: string,
  doc: string,
  description: string,
  change: ChangeMode,
  secret: boolean,
): Finding[] {
  const findings: Finding[] = [];
  if (!doc.includes(normalize(description))) {
    findings.push({
      rule: "the TSDoc carries the table's description",
      message: `${where}: TSDoc ${JSON.stringify(doc)} does not contain the table's description ${JSON.stringify(normalize(description))}`,
    });
  }
  const says = { replace: doc.includes(WORDING.replace), update: doc.includes(WORDING.update) };
  const other: ChangeMode = change === "replace" ? "update" : "replace";
  if (!says[change] || says[other]) {
    findings.push({
      rule: "the TSDoc says what a change does (replace or update)",
      message: `${where}: the table says ${change}, so its TSDoc must say "${WORDING[change]}"${says[other] ? ` and not "${WORDING[other]}"` : ""}; TSDoc is ${JSON.stringify(doc)}`,
    });
  }
  if (secret !== doc.includes(WORDING.secret)) {
    findings.push({
      rule: "the TSDoc of a secret says it is kept as a secret",
      message: secret
        ? `${where}: a secret, so its TSDoc must say "${WORDING.secret}"; TSDoc is ${JSON.stringify(doc)}`
        : `${where}: not a secret in the table, but its TSDoc says "${WORDING.secret}"`,
    });
  }
  return findings;
}

function defaultWording(spec: InputSpec): string | undefined {
  if (spec.presence === "resourceName") return WORDING.resourceName;
  if (typeof spec.presence === "object") return WORDING.default(spec.presence.default);
  return undefined;
}

/** Everything in `resource.ts` that disagrees with the table, as findings (none when they agree). */
export function checkDeclarations(program: ts.Program, declared: DeclaredResource): Finding[] {
  const { resource } = declared;
  const file = path.resolve(REPO_ROOT, declared.file);
  const source = program.getSourceFile(file) ?? fail(`${declared.file} is not in the program`);
  const checker = program.getTypeChecker();
  const exported = checker.getSymbolAtLocation(source);
  const moduleExports = exported ? checker.getExportsOfModule(exported) : [];
  const find = (name: string): ts.Symbol =>
    moduleExports.find((s) => s.getName() === name) ?? fail(`${declared.file} exports no ${name}`);

  const findings: Finding[] = [];
  const table = resource.properties;
  const argsName = `${resource.typeName}Args`;

  // The args type: an interface, or a union of object types (a property is in it if any member has it).
  const argsMembers = membersOf(checker, checker.getDeclaredTypeOfSymbol(find(argsName)));
  const argsNames = new Set(argsMembers.flatMap((m) => [...m.keys()]));
  for (const name of argsNames) {
    if (table[name]?.kind !== "input") {
      findings.push({
        rule: "an input is declared in the args type, and nothing else is",
        message: `${argsName}.${name} is not an input of the ${resource.typeName} table${table[name] ? " (it is an output only Qualys sets)" : ""}`,
      });
    }
  }
  for (const [name, spec] of Object.entries(table)) {
    if (spec.kind !== "input") continue;
    const declarations = argsMembers.flatMap((m) => {
      const d = m.get(name);
      return d ? [d] : [];
    });
    if (declarations.length === 0) {
      findings.push({
        rule: "an input is declared in the args type, and nothing else is",
        message: `${argsName} does not declare the input ${name}`,
      });
      continue;
    }
    // Required in the args when every member of the union requires it; the table's `resourceName` and
    // defaults are optional for the user.
    const requiredInArgs = argsMembers.every((m) => m.get(name)?.optional === false);
    if (requiredInArgs !== (spec.presence === "required")) {
      findings.push({
        rule: "an args property is optional unless the table says required",
        message: `${argsName}.${name} is ${requiredInArgs ? "required" : "optional"} but the table says ${JSON.stringify(spec.presence)}`,
      });
    }
    const defaultSays = defaultWording(spec);
    // A union's members share the declarations they inherit: check each declaration once.
    const distinct = new Map(declarations.map((d) => [d.symbol.valueDeclaration ?? d.symbol, d]));
    for (const d of distinct.values()) {
      findings.push(
        ...docFindings(`${argsName}.${name}`, d.doc, spec.description, spec.change, spec.secret ?? false),
      );
      if (defaultSays && !d.doc.includes(defaultSays)) {
        findings.push({
          rule: "the TSDoc says the default",
          message: `${argsName}.${name}: its TSDoc must say "${defaultSays}"; TSDoc is ${JSON.stringify(d.doc)}`,
        });
      }
    }

    // A nested block: its interface's members are the table's fields, each documented like a property.
    const fields = spec.fields;
    const blockTypes = declarations.flatMap((d) => blockTypeOf(checker, d));
    if (!fields) continue;
    if (blockTypes.length === 0) {
      findings.push({
        rule: "a block's members are the table's fields",
        message: `${argsName}.${name} is a block in the table, but its type holds no object type`,
      });
      continue;
    }
    for (const block of blockTypes.flatMap((t) => membersOf(checker, t))) {
      for (const member of block.keys()) {
        if (!Object.prototype.hasOwnProperty.call(fields, member)) {
          findings.push({
            rule: "a block's members are the table's fields",
            message: `${argsName}.${name}.${member} is not a field of ${name} in the table`,
          });
        }
      }
      for (const [member, field] of Object.entries(fields)) {
        const d = block.get(member);
        if (!d) {
          findings.push({
            rule: "a block's members are the table's fields",
            message: `${argsName}.${name} does not declare the field ${member}`,
          });
          continue;
        }
        if (d.optional === (field.required === true)) {
          findings.push({
            rule: "an args property is optional unless the table says required",
            message: `${argsName}.${name}.${member} is ${d.optional ? "optional" : "required"} but the table says it is ${field.required ? "required" : "optional"}`,
          });
        }
        // A member may declare its own change mode; it defaults to its block's.
        const change = field.change ?? spec.change;
        findings.push(
          ...docFindings(`${argsName}.${name}.${member}`, d.doc, field.description, change, false),
        );
      }
    }
  }

  // The class: every property of the table is an output (inputs are echoed), declared once, and nothing else.
  const classSymbol = find(resource.typeName);
  const classDeclaration =
    classSymbol.declarations?.find(ts.isClassDeclaration) ?? fail(`${resource.typeName} is not a class`);
  const outputs = new Map<string, ts.PropertyDeclaration>();
  for (const member of classDeclaration.members) {
    if (
      !ts.isPropertyDeclaration(member) ||
      member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)
    )
      continue;
    outputs.set(member.name.getText(source), member);
  }
  for (const name of outputs.keys()) {
    if (!Object.prototype.hasOwnProperty.call(table, name)) {
      findings.push({
        rule: "every property is an output declared on the class, and nothing else is",
        message: `${resource.typeName}.${name} is declared on the class but is not in the table`,
      });
    }
  }
  for (const [name, spec] of Object.entries(table)) {
    const declaration = outputs.get(name);
    if (!declaration) {
      findings.push({
        rule: "every property is an output declared on the class, and nothing else is",
        message: `${resource.typeName} does not declare the output ${name}`,
      });
      continue;
    }
    const mayBeAbsent = spec.kind === "output" ? spec.optional === true : spec.presence === "optional";
    const output = declaration.type;
    const valueNode =
      output && ts.isTypeReferenceNode(output) && /(^|\.)Output$/.test(output.typeName.getText(source))
        ? output.typeArguments?.[0]
        : undefined;
    if (!valueNode) {
      findings.push({
        rule: "an output may be undefined exactly when the table lets it be absent",
        message: `${resource.typeName}.${name} must be declared as pulumi.Output<…>`,
      });
      continue;
    }
    const value = checker.getTypeFromTypeNode(valueNode);
    const includesUndefined = (value.isUnion() ? value.types : [value]).some(
      (t) => (t.getFlags() & ts.TypeFlags.Undefined) !== 0,
    );
    if (includesUndefined !== mayBeAbsent) {
      findings.push({
        rule: "an output may be undefined exactly when the table lets it be absent",
        message: `${resource.typeName}.${name} is pulumi.Output<${valueNode.getText(source)}> but the table says it ${mayBeAbsent ? "may be absent (add | undefined)" : "is always set"}`,
      });
    }
    if (spec.kind === "output") {
      const doc = normalize(
        ts.displayPartsToString(
          checker.getSymbolAtLocation(declaration.name)?.getDocumentationComment(checker),
        ),
      );
      if (!doc.includes(normalize(spec.description))) {
        findings.push({
          rule: "the TSDoc carries the table's description",
          message: `${resource.typeName}.${name}: TSDoc ${JSON.stringify(doc)} does not contain the table's description ${JSON.stringify(normalize(spec.description))}`,
        });
      }
    }
  }
  return findings;
}
