import { describe, expect, it } from "vitest";
import { DEFAULT_BUDGET, planReads } from "../../src/engine/plan.js";
import type { RepoFile } from "../../src/engine/types.js";

const file = (path: string, size = 100, mode: RepoFile["mode"] = "file"): RepoFile => ({ path, size, mode });
const sorted = (files: RepoFile[]) => [...files].sort((a, b) => (a.path < b.path ? -1 : 1));

describe("planReads", () => {
  it("merges requests, reads only regular files, and sorts the plan", () => {
    const files = sorted([
      file("README.md"),
      file("a/b.py"),
      file("c.py"),
      file("link.py", 5, "symlink"),
      file("mod", 0, "submodule"),
    ]);
    const plan = planReads(files, [{ reads: [{ globs: ["README.md"] }] }, { reads: [{ globs: ["**/*.py"] }] }]);
    expect(plan.paths).toEqual(["README.md", "a/b.py", "c.py"]);
    expect(plan.bytes).toBe(300);
  });

  it("never plans a file over the per-file cap and says why", () => {
    const files = sorted([file("big.py", DEFAULT_BUDGET.maxFileBytes + 1), file("small.py")]);
    const plan = planReads(files, [{ reads: [{ globs: ["**/*.py"] }] }]);
    expect(plan.paths).toEqual(["small.py"]);
    expect(plan.skipped.get("big.py")).toBe("too_large");
  });

  it("fills the budget by priority, then shallow paths first, deterministically", () => {
    const files = sorted([file("z/deep/x.py", 400), file("a.py", 400), file("README.md", 400), file("b.py", 400)]);
    const checks = [
      { reads: [{ globs: ["**/*.py"], priority: 2 }] },
      { reads: [{ globs: ["README.md"], priority: 0 }] },
    ];
    const plan = planReads(files, checks, { maxFiles: 10, maxBytes: 1000, maxFileBytes: 1000 });
    expect(plan.paths).toEqual(["README.md", "a.py"]);
    expect(plan.skipped.get("b.py")).toBe("over_budget");
    expect(plan.skipped.get("z/deep/x.py")).toBe("over_budget");
    expect(planReads(files, checks, { maxFiles: 10, maxBytes: 1000, maxFileBytes: 1000 })).toEqual(plan);
  });

  it("honours a request's own file limit, shallowest first", () => {
    const files = sorted([file("a/b/c/d.py"), file("x.py"), file("a/y.py")]);
    const plan = planReads(files, [{ reads: [{ globs: ["**/*.py"], maxFiles: 2 }] }]);
    expect(plan.paths).toEqual(["a/y.py", "x.py"]);
    expect(plan.skipped.size).toBe(0);
  });

  it("caps the number of files", () => {
    const files = sorted(Array.from({ length: 50 }, (_, i) => file(`f${String(i).padStart(2, "0")}.py`, 1)));
    const plan = planReads(files, [{ reads: [{ globs: ["**/*.py"] }] }], {
      maxFiles: 7,
      maxBytes: 1e9,
      maxFileBytes: 1e6,
    });
    expect(plan.paths).toHaveLength(7);
    expect(plan.skipped.size).toBe(43);
  });
});
