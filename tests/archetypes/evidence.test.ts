/**
 * Findings on the archetypes are evidence: every path names a file or folder of the repository,
 * every line is inside its file, and every shortfall says how to fix it with a link. And the
 * totals rank the archetypes the way a reviewer would.
 */
import { describe, expect, it } from "vitest";
import type { Tree } from "../helpers/tree.js";
import { ARCHETYPES, scanArchetype } from "./archetypes.js";

function linesOf(tree: Tree, path: string): number | undefined {
  const entry = tree[path];
  if (typeof entry === "string") return entry.split("\n").length;
  if (entry instanceof Uint8Array) return new TextDecoder("utf-16le").decode(entry).split("\n").length;
  return undefined;
}

function exists(tree: Tree, path: string): boolean {
  const clean = path.replace(/\/$/, "");
  return clean in tree || Object.keys(tree).some((p) => p.startsWith(`${clean}/`));
}

describe("archetype findings are evidence", () => {
  it.each(ARCHETYPES.map((a) => [a.name, a] as const))("%s", (_name, archetype) => {
    const problems: string[] = [];
    for (const check of scanArchetype(archetype).checks)
      for (const f of check.findings) {
        const where = `${check.id} ${f.id}`;
        if (f.path !== undefined && !exists(archetype.tree, f.path)) problems.push(`${where}: no such path ${f.path}`);
        if (f.path !== undefined && f.line !== undefined) {
          const max = linesOf(archetype.tree, f.path);
          if (f.line < 1 || (max !== undefined && f.line > max))
            problems.push(`${where}: line ${f.line} outside ${f.path} (${max} lines)`);
        }
        if (f.level !== "info" && (!f.remediation || !/^https:\/\//.test(f.docs ?? "")))
          problems.push(`${where}: a shortfall without remediation and docs`);
      }
    expect(problems).toEqual([]);
  });
});

describe("archetype totals rank like a reviewer", () => {
  const total = (name: string): number => {
    const archetype = ARCHETYPES.find((a) => a.name === name);
    if (!archetype) throw new Error(`no archetype ${name}`);
    return scanArchetype(archetype).score;
  };

  it.each([
    ["mlops", "fastapi-good"],
    ["fastapi-good", "library"],
    ["fastapi-good", "fullstack"],
    ["library", "fullstack"],
    ["fullstack", "fastapi-quick"],
    ["fullstack", "kaggle"],
    ["fastapi-good", "kaggle"],
    ["node-service", "next-template"],
    ["kaggle", "student-notebook"],
    ["fastapi-quick", "student-notebook"],
    ["streamlit", "student-notebook"],
    ["research", "student-notebook"],
    ["poetry-intermediate", "kaggle"],
    ["fastapi-good", "poetry-intermediate"],
    ["flask-heroku", "colab-student"],
  ])("%s > %s", (better, worse) => {
    expect(total(better)).toBeGreaterThan(total(worse));
  });

  it("a carefully engineered MLOps template and a good service get an A; notebook-only gets an F", () => {
    expect(total("mlops")).toBeGreaterThanOrEqual(90);
    expect(total("fastapi-good")).toBeGreaterThanOrEqual(90);
    expect(total("student-notebook")).toBeLessThan(20);
  });
});
