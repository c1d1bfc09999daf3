/**
 * Runs TypeScript that `pulumi-qualys-cs import` generated: compiled as a program would compile it
 * (strict, no diagnostics allowed), then run with stand-in modules, so a test sees exactly the
 * arguments the program passes to each resource.
 */
import * as vm from "node:vm";
import * as ts from "typescript";

/** Compiles `code` (failing the test on any diagnostic) and runs it; `require` answers from `modules`. */
export function runGenerated(code: string, modules: Record<string, unknown>): void {
  const out = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, strict: true },
    reportDiagnostics: true,
  });
  expect(out.diagnostics ?? []).toEqual([]);
  const fakeRequire = (id: string): unknown => {
    if (!(id in modules)) throw new Error(`unexpected require(${id})`);
    return modules[id];
  };
  const run = vm.compileFunction(out.outputText, ["require", "exports", "module"]) as (
    req: typeof fakeRequire,
    exports: object,
    module: object,
  ) => void;
  run(fakeRequire, {}, { exports: {} });
}
