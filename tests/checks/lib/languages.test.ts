import { describe, expect, it } from "vitest";
import { languages, noMainLanguage } from "../../../checks/lib/languages.js";
import { RepoView } from "../../../src/engine/repo-view.js";
import { snapshotOf, type Tree } from "../../helpers/tree.js";

const sized = (size: number) => ({ mode: "file" as const, size });
const profileOf = (tree: Tree) => languages(new RepoView(snapshotOf(tree, [])));

describe("languages: which languages are the project's own", () => {
  it.each<[string, Tree, string[]]>([
    ["a Python package", { "src/pkg/core.py": sized(9000), "src/pkg/__init__.py": sized(10) }, ["python"]],
    [
      "a FastAPI backend beside a larger React frontend",
      { "backend/app/main.py": sized(4000), "frontend/src/App.tsx": sized(6000) },
      ["javascript", "python"],
    ],
    [
      "an R analysis with one Python download script: glue, no judged language",
      {
        "R/clean.R": sized(3000),
        "R/models.R": sized(2500),
        "analysis.Rmd": sized(5000),
        "scripts/get.py": sized(1300),
      },
      [],
    ],
    [
      "a Python package with a C extension is still a Python project",
      { "src/fastpkg/core.py": sized(5000), "src/fastpkg/_speedups.c": sized(9000) },
      ["python"],
    ],
    [
      "a Go service with a Python deploy helper",
      { "cmd/server/main.go": sized(8000), "internal/api/handler.go": sized(12000), "deploy/render.py": sized(900) },
      [],
    ],
    [
      "a Python ML service with its requirements beside a much larger Android app is still judged",
      {
        "android/app/src/main/java/shop/MainActivity.kt": sized(30000),
        "android/app/src/main/java/shop/Camera.kt": sized(20000),
        "backend/app/main.py": sized(3000),
        "backend/requirements.txt": "fastapi==0.110.2\n",
      },
      ["python"],
    ],
    ["vendored Java does not count", { "train.py": sized(2000), "vendor/lib/Big.java": sized(90000) }, ["python"]],
  ])("%s", (_name, tree, main) => {
    expect(profileOf(tree).main).toEqual(main);
  });

  it("says why no language is judged", () => {
    expect(noMainLanguage(profileOf({ "README.md": "# x\n" }))).toBe("No Python or JavaScript/TypeScript code");
    expect(noMainLanguage(profileOf({ "R/a.R": sized(3500), "get.py": sized(1000) }))).toMatch(
      /only glue here \(22% of the source/,
    );
  });
});
