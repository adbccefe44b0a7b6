import { describe, expect, it } from "vitest";
import { analyseJsTests } from "../../../checks/testing/js-test-facts.js";
import { analysePythonTests } from "../../../checks/testing/python-test-facts.js";
import { testPathKind } from "../../../checks/testing/test-inventory.js";
import { REACT_TEST } from "./fixtures.js";

const CRA_TEST =
  "import { render, screen } from '@testing-library/react';\nimport App from './App';\n\ntest('renders learn react link', () => {\n  render(<App />);\n  const linkElement = screen.getByText(/learn react/i);\n  expect(linkElement).toBeInTheDocument();\n});\n";

describe("analyseJsTests", () => {
  it.each([
    ["real Vitest tests", "App.test.tsx", REACT_TEST, { tests: 2, trivial: false }],
    [
      "create-react-app's stock test",
      "App.test.js",
      CRA_TEST,
      { tests: 1, trivial: true, template: "create-react-app" },
    ],
    [
      "literal-only assertions",
      "a.test.ts",
      "it('works', () => {\n  expect(true).toBe(true);\n  expect(1).toEqual(1);\n});\n",
      { tests: 1, trivial: true },
    ],
    [
      "a long suite that quotes the stock test's name",
      "fixtures.test.tsx",
      `${REACT_TEST}\nconst stock = "test('renders learn react link', () => {})";\n${"// padding\n".repeat(200)}it('flags it', () => expect(isStock(stock)).toBe(true));\n`,
      { tests: 3, trivial: false },
    ],
    [
      "skipped and todo tests do not count",
      "a.spec.ts",
      "it.skip('later', () => {});\ntest.todo('write me');\n",
      { tests: 0, trivial: false },
    ],
    ["a syntax error", "b.test.ts", "describe('x', () => {\n  it('y', () => {\n", { tests: 1 }],
  ])("%s", (_name, path, text, expected) => {
    expect(analyseJsTests(text, path)).toMatchObject(expected);
  });
});

describe("analysePythonTests", () => {
  it.each([
    ["assert accuracy >= 0.9", "metric-gate"],
    ["self.assertGreaterEqual(f1, 0.75)", "metric-gate"],
    ['assert metrics["roc_auc"] > 0.8', "metric-gate"],
    ["assert df['age'].between(0, 120).all()", "data-assertion"],
    ["assert not frame.isna().any().any()", "data-assertion"],
    ["assert preds.shape == (10,)", "prediction-shape"],
    ["y = model.predict(X)", "model-call"],
  ])("reads %s as %s", (line, kind) => {
    const facts = analysePythonTests(`def test_x(model, X, df, frame, preds):\n    ${line}\n`);
    expect(facts.signals.map((s) => s.kind)).toContain(kind);
  });

  it.each([
    ["# assert accuracy >= 0.9"],
    ['"""assert accuracy >= 0.9"""'],
    ["assert accuracy"],
    ["print(accuracy >= 0.9)"],
  ])("does not read %s as a gate", (line) => {
    const facts = analysePythonTests(`def test_x(accuracy):\n    ${line}\n`);
    expect(facts.signals.map((s) => s.kind)).not.toContain("metric-gate");
  });

  it("keeps the facts before a tokenizer error", () => {
    const facts = analysePythonTests('def test_a():\n    assert f(1) == 2\n\nx = "unterminated\n');
    expect(facts.functions).toHaveLength(1);
  });
});

describe("testPathKind", () => {
  it.each([
    ["tests/test_model.py", "named"],
    ["src/pkg/model_test.py", "named"],
    ["tests/conftest.py", "helper"],
    ["tests/__init__.py", "helper"],
    ["test.py", "named"],
    ["src/components/__tests__/App.tsx", "named"],
    ["src/App.spec.ts", "named"],
    ["cypress/e2e/login.cy.ts", "named"],
    ["test/helpers.js", "helper"],
    ["src/latest.py", undefined],
    ["notebooks/test_model.ipynb", undefined],
    ["src/contest/rules.ts", undefined],
  ])("%s is %s", (path, kind) => {
    expect(testPathKind(path)).toBe(kind);
  });
});
