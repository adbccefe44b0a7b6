import { describe, expect, it } from "vitest";
import { codeQualityChecks } from "../../../checks/code_quality/index.js";
import { runCheck, type Tree } from "../../helpers/tree.js";

const ALIAS_BOMB = `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
repos: [*d,*d,*d,*d,*d,*d,*d,*d,*d]
`;

const HOSTILE: Tree = {
  "src/app.py": "def f(x: int) -> int:\n    return x\n",
  "src/index.ts": "export const a = 1;\n",
  ".pre-commit-config.yaml": ALIAS_BOMB,
  "lefthook.yml": "pre-commit: [unclosed\n",
  ".husky/pre-commit": new Uint8Array([0, 159, 146, 150, 0, 1]),
  "package.json": '{ "name": "x", "scripts": { "lint": ',
  "pyproject.toml": "this is = not [toml",
  "tsconfig.json": '{ "extends": ["./a.json", 3, null], "compilerOptions": "strict" }',
  "a.json": '{ "extends": "./tsconfig.json" }',
  "biome.json": "[1, 2",
  ".gitignore": `${Array.from({ length: 5000 }, (_, i) => `generated_${i}/**/*.[a-z]`).join("\n")}\n[z-a]\n\\\n***\n`,
  ".gitattributes": "* filter=lfs\n[ bad\n",
  Makefile: "lint:\n\t$(shell $(shell $(shell echo))) \\\n",
  ".github/workflows/ci.yml": "on: push\njobs:\n  a:\n    steps: 7\n",
  "model.bin": { mode: "file", size: 1_000_000_000 },
  loop: { mode: "symlink" },
};

describe("code_quality on hostile input", () => {
  // The test timeout is a hang guard, not a speed target: speed is measured in bench/.
  it.each(codeQualityChecks.map((c) => [c.id, c] as const))(
    "%s never throws",
    (_, check) => {
      const run = runCheck(check, HOSTILE);
      expect(["pass", "partial", "fail", "not_applicable"]).toContain(run.status);
    },
    30_000,
  );

  it("reports the alias bomb as an invalid pre-commit config", () => {
    const run = runCheck(codeQualityChecks[2] as (typeof codeQualityChecks)[number], HOSTILE);
    expect(run.ids).toContain("invalid-config");
  });
});
