import { describe, expect, it } from "vitest";
import { PROJECT_READ } from "../../../checks/lib/project.js";
import { DYNAMIC, evaluateConfigModule, jsToolConfig } from "../../../checks/lib/project-jsconfig.js";
import { defineCheck, notApplicable } from "../../../src/engine/check.js";
import { RepoView } from "../../../src/engine/repo-view.js";
import { snapshotOf, type Tree } from "../../helpers/tree.js";

const reader = defineCheck({
  id: "test.reader",
  title: "reads manifests",
  criterion: "testing",
  weight: 1,
  looksFor: "",
  why: "",
  remediation: "",
  effort: "low",
  docs: "",
  reads: [PROJECT_READ],
  evaluate: () => notApplicable(),
});

const view = (tree: Tree) => new RepoView(snapshotOf(tree, [reader]));

describe("evaluateConfigModule", () => {
  it.each([
    [
      "CommonJS jest.config.js",
      "jest.config.js",
      "/** @type {import('jest').Config} */\nconst config = {\n  collectCoverage: true,\n  coverageThreshold: { global: { lines: 90 } },\n};\n\nmodule.exports = config;\n",
      { collectCoverage: true, coverageThreshold: { global: { lines: 90 } } },
    ],
    [
      "TypeScript jest.config.ts with satisfies",
      "jest.config.ts",
      "import type { Config } from 'jest';\n\nexport default {\n  preset: 'ts-jest',\n  coverageThreshold: { global: { branches: 80, lines: -10 } },\n} satisfies Config;\n",
      { preset: "ts-jest", coverageThreshold: { global: { branches: 80, lines: -10 } } },
    ],
    [
      "vitest mergeConfig over a vite config",
      "vitest.config.mts",
      "import { defineConfig, mergeConfig } from 'vitest/config';\nimport viteConfig from './vite.config';\n\nexport default mergeConfig(viteConfig, defineConfig({ test: { coverage: { thresholds: { 100: true } } } }));\n",
      { test: { coverage: { thresholds: { 100: true } } } },
    ],
    [
      "a factory returning the config",
      "vitest.config.ts",
      "export default defineConfig(({ mode }) => {\n  const ci = mode === 'ci';\n  return { test: { coverage: { enabled: ci, provider: `v8` } } };\n});\n",
      { test: { coverage: { enabled: DYNAMIC, provider: "v8" } } },
    ],
  ])("reads %s statically", (_name, path, text, expected) => {
    expect(evaluateConfigModule(text, path)?.value).toEqual(expected);
  });

  it("records the line of each key", () => {
    const r = evaluateConfigModule(
      "export default {\n  test: {\n    coverage: {\n      thresholds: { lines: 80 },\n    },\n  },\n};\n",
      "vitest.config.ts",
    );
    expect(r?.lines["test.coverage.thresholds"]).toBe(4);
  });

  it.each([
    ["syntax error", "export default {\n  test: {\n"],
    ["nothing exported", "const x = 1;\n"],
    ["binary noise", "\u0000\u0001\u0002"],
  ])("does not throw on %s", (_name, text) => {
    expect(() => evaluateConfigModule(text, "vitest.config.ts")).not.toThrow();
  });
});

describe("jsToolConfig", () => {
  it("finds Jest in package.json and Vitest in vite.config.ts's test key", () => {
    const repo = view({
      "package.json": JSON.stringify({ name: "x", jest: { coverageThreshold: { global: { lines: 85 } } } }, null, 2),
      "vite.config.ts":
        "import { defineConfig } from 'vite';\nexport default defineConfig({\n  plugins: [],\n  test: { environment: 'jsdom', coverage: { provider: 'v8' } },\n});\n",
      "node_modules/pkg/jest.config.js": "module.exports = { collectCoverage: true };\n",
    });
    expect(jsToolConfig(repo, "jest")).toEqual([
      { path: "package.json", line: 3, settings: { coverageThreshold: { global: { lines: 85 } } }, keyLines: {} },
    ]);
    const vitest = jsToolConfig(repo, "vitest");
    expect(vitest).toHaveLength(1);
    expect(vitest[0]).toMatchObject({ path: "vite.config.ts", line: 4, settings: { environment: "jsdom" } });
  });

  it("ignores a vite.config.ts without a test key, but keeps an opaque vitest config", () => {
    const repo = view({
      "vite.config.ts": "export default { plugins: [] };\n",
      "vitest.config.ts": "export { default } from './config/vitest';\n",
    });
    expect(jsToolConfig(repo, "vitest")).toMatchObject([{ path: "vitest.config.ts", opaque: true }]);
  });
});
