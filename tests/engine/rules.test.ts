import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/engine/config.js";
import { compilePattern, ruleToCheck } from "../../src/engine/rules.js";
import { runCheck } from "../helpers/tree.js";

const rule = (r: Record<string, unknown>) => ruleToCheck(ConfigSchema.parse({ rules: [r] }).rules[0] as never);

describe("custom rules", () => {
  it.each([
    [{ id: "cl", files: "CHANGELOG.md", require: "exist" }, { "CHANGELOG.md": "x" }, "pass", ["found"]],
    [{ id: "cl", files: "CHANGELOG.md", require: "exist" }, {}, "fail", ["missing"]],
    [{ id: "nb", files: "**/*.ipynb", require: "absent" }, { "a/b.ipynb": "{}" }, "fail", ["present"]],
    [{ id: "nb", files: "**/*.ipynb", require: "absent" }, { "a.py": "" }, "pass", ["absent"]],
    [
      { id: "lic", files: "LICENSE", require: "contain", pattern: "MIT License" },
      { LICENSE: "MIT License\n..." },
      "pass",
      ["ok"],
    ],
    [
      { id: "lic", files: "LICENSE", require: "contain", pattern: "MIT License" },
      { LICENSE: "Apache" },
      "fail",
      ["lacks"],
    ],
    [
      { id: "todo", files: "**/*.py", require: "not_contain", pattern: "TODO" },
      { "a.py": "x = 1\n# TODO later\n" },
      "fail",
      ["forbidden"],
    ],
    [{ id: "todo", files: "**/*.py", require: "not_contain", pattern: "TODO" }, { "a.py": "x = 1\n" }, "pass", ["ok"]],
  ])("%j on %j is %s", (r, tree, status, ids) => {
    const run = runCheck(rule(r), tree);
    expect(run.status).toBe(status);
    expect(run.ids).toEqual(ids);
  });

  it("points at the line of a forbidden match", () => {
    const run = runCheck(rule({ id: "todo", files: "**/*.py", require: "not_contain", pattern: "TODO" }), {
      "a.py": "x = 1\n\n# TODO\n",
    });
    expect(run.findings[0]).toMatchObject({ path: "a.py", line: 3 });
  });

  it("runs catastrophic patterns in linear time (RE2)", () => {
    const evil = rule({ id: "redos", files: "a.txt", require: "contain", pattern: "(a+)+$" });
    const run = runCheck(evil, { "a.txt": `${"a".repeat(50_000)}b` });
    expect(run.status).toBe("fail");
  });

  it("rejects patterns RE2 cannot compile, such as back-references", () => {
    expect(() => compilePattern("(a)\\1")).toThrow(/invalid pattern/);
  });
});
