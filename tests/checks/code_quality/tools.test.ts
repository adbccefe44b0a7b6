import { describe, expect, it } from "vitest";
import { recogniseAction, recogniseCommand } from "../../../checks/code_quality/tools.js";
import { parseJsonc } from "../../../checks/code_quality/tsconfig.js";

const summary = (uses: ReturnType<typeof recogniseCommand>) =>
  uses.map((u) => `${u.tool}:${u.roles.join("+")}:${u.language}`);

describe("recogniseCommand", () => {
  it.each([
    ["ruff check .", ["ruff:linter:python"]],
    ["ruff .", ["ruff:linter:python"]],
    ["uv run ruff format --check src", ["ruff:formatter:python"]],
    ["ruff --version", []],
    ["black -h", []],
    ["ruff server", []],
    ["python -m black --check .", ["black:formatter:python"]],
    ["poetry run mypy --strict src", ["mypy:typechecker:python"]],
    ["pipx run flake8 --max-line-length 100", ["flake8:linter:python"]],
    ["pylint $(git ls-files '*.py')", ["pylint:linter:python"]],
    ["nbqa ruff notebooks/", ["ruff:linter:python"]],
    ["uvx ty check", ["ty:typechecker:python"]],
    ["ty --help", []],
    [".venv/bin/isort --check-only .", ["isort:formatter:python"]],
    ["npx eslint . --max-warnings 0", ["eslint:linter:javascript"]],
    ["pnpm exec prettier --check .", ["prettier:formatter:javascript"]],
    ["npx @biomejs/biome ci .", ["biome:linter+formatter:javascript"]],
    ["npx biome ci .", ["biome:linter+formatter:javascript"]],
    ["biome lint ./src", ["biome:linter:javascript"]],
    ["next lint", ["eslint:linter:javascript"]],
    ["next build", []],
    ["tsc --noEmit -p .", ["tsc:typechecker:javascript"]],
    ["pytest -q", []],
  ])("%s", (command, expected) => {
    expect(summary(recogniseCommand(command))).toEqual(expected);
  });
});

describe("recogniseAction", () => {
  it.each([
    ["astral-sh/ruff-action@v1", {}, ["ruff:linter:python"]],
    ["astral-sh/ruff-action@v3", { args: "format --check" }, ["ruff:formatter:python"]],
    ["chartboost/ruff-action@v1", {}, ["ruff:linter:python"]],
    ["psf/black@stable", {}, ["black:formatter:python"]],
    ["py-actions/flake8@v2", {}, ["flake8:linter:python"]],
    ["jakebailey/pyright-action@v2", {}, ["pyright:typechecker:python"]],
    ["reviewdog/action-eslint@v1", {}, ["eslint:linter:javascript"]],
    ["biomejs/setup-biome@v2", {}, []],
    [
      "wearerequired/lint-action@v2",
      { black: "true", flake8: "true", eslint: "false" },
      ["black:formatter:python", "flake8:linter:python"],
    ],
    ["actions/setup-python@v5", {}, []],
    ["./.github/actions/lint", {}, []],
  ])("%s", (uses, inputs, expected) => {
    expect(summary(recogniseAction(uses, inputs))).toEqual(expected);
  });

  it("super-linter covers both languages", () => {
    expect(recogniseAction("super-linter/super-linter@v7").map((u) => u.language)).toEqual(["python", "javascript"]);
  });
});

describe("parseJsonc", () => {
  it("reads comments, trailing commas and comment-like text in strings", () => {
    const parsed = parseJsonc(`{
  // line comment
  "extends": "./base.json", /* block */
  "compilerOptions": {
    "baseUrl": "http://example.com/*not a comment*/",
    "strict": true, // trailing
  },
  "include": ["src", /* last */],
}`);
    expect(parsed.ok && parsed.value).toEqual({
      extends: "./base.json",
      compilerOptions: { baseUrl: "http://example.com/*not a comment*/", strict: true },
      include: ["src"],
    });
  });

  it("reports the line of a syntax error", () => {
    const parsed = parseJsonc('{\n  // ok\n  "a": 1\n  "b": 2\n}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.line).toBe(4);
  });
});
