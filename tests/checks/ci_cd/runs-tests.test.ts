import { describe, expect, it } from "vitest";
import { actionTests, testRunner } from "../../../checks/ci_cd/commands.js";
import { runsTests } from "../../../checks/ci_cd/runs-tests.js";
import { unwrap, wordsOf } from "../../../checks/lib/tasks.js";
import { runCheck, type Tree } from "../../helpers/tree.js";
import {
  CML_TRAIN,
  DOCKER_PUBLISH,
  DOCS_DEPLOY,
  FULLSTACK_BACKEND,
  FULLSTACK_FRONTEND,
  FULLSTACK_FRONTEND_PACKAGE,
  FULLSTACK_MAKEFILE,
  GITLAB_CI,
  MAKE_CI,
  MAKEFILE,
  NIGHTLY,
  NODE_CI,
  NODE_PACKAGE,
  NPM_DEFAULT_PACKAGE,
  PYTHON_MATRIX,
  PYTHON_STARTER,
  REUSABLE_REMOTE,
  TOX_CI,
  TOX_INI,
} from "./fixtures.js";

const step = (run: string, on = "[push, pull_request]"): string =>
  `on: ${on}\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${run}\n`;

describe("testRunner", () => {
  it.each([
    ["python -m pytest -x", "pytest"],
    ["py.test tests", "pytest"],
    ["python -m unittest discover", "unittest"],
    ["coverage run -m pytest", "pytest"],
    ["coverage run --source=pkg -m unittest discover", "unittest"],
    ["python tests/test_api.py", "python tests"],
    ["python run_tests.py", "python tests"],
    ["python setup.py test", "setup.py test"],
    ["hatch test", "pytest"],
    ["npx jest --ci", "jest"],
    ["npx vitest run", "vitest"],
    ["npx nyc --reporter=lcov mocha", "mocha"],
    ["npx c8 node --test", "node --test"],
    ["npx playwright test", "playwright"],
    ["npx cypress run", "cypress"],
    ["bun test", "bun test"],
    ["ng test --watch=false", "ng test"],
    ["react-scripts test --watchAll=false", "react-scripts test"],
    ["cargo nextest run", "cargo test"],
    ["./mvnw -B verify", "maven"],
    ["./gradlew build", "gradle"],
    ["dotnet test", "dotnet test"],
    ["bundle exec rspec", "rspec"],
    ["Rscript -e 'devtools::test()'", "R tests"],
  ])("%s -> %s", (command, runner) => {
    expect(testRunner(unwrap(wordsOf(command)))).toBe(runner);
  });

  it.each([
    "pip install pytest",
    "pytest --version",
    "vitest bench",
    "mvn -DskipTests package",
    "python train.py",
    "jest --listTests",
  ])("%s runs no tests", (command) => {
    expect(testRunner(unwrap(wordsOf(command)))).toBeUndefined();
  });

  it.each([
    ["cypress-io/github-action@v6", "tests"],
    ["convictional/trigger-workflow-and-wait@v1.6.5", "remote"],
    ["someorg/run-tests-action@v1", "unverified"],
    ["dorny/test-reporter@v1", undefined],
    ["actions/checkout@v4", undefined],
  ])("action %s -> %s", (uses, kind) => {
    expect(actionTests(uses)).toBe(kind);
  });
});

describe("ci_cd.runs_tests", () => {
  it.each<[string, Tree, string, string[]]>([
    ["setup-python + pip + pytest matrix", { ".github/workflows/ci.yml": PYTHON_MATRIX }, "pass", ["tests-run"]],
    ["GitHub's Python starter workflow", { ".github/workflows/python-app.yml": PYTHON_STARTER }, "pass", ["tests-run"]],
    [
      "npm ci + npm test with a vitest script",
      { ".github/workflows/ci.yml": NODE_CI, "package.json": NODE_PACKAGE },
      "pass",
      ["tests-run"],
    ],
    [
      "make ci -> make test in the Makefile",
      { ".github/workflows/ci.yml": MAKE_CI, Makefile: MAKEFILE },
      "pass",
      ["tests-run"],
    ],
    ["tox with tox.ini", { ".github/workflows/tests.yml": TOX_CI, "tox.ini": TOX_INI }, "pass", ["tests-run"]],
    [
      "python -m unittest discover",
      { ".github/workflows/ci.yml": step("python -m unittest discover -s tests") },
      "pass",
      ["tests-run"],
    ],
    ["uv run pytest", { ".github/workflows/ci.yml": step("uv run --frozen pytest -n auto") }, "pass", ["tests-run"]],
    [
      "Django's manage.py test",
      { ".github/workflows/ci.yml": step("python manage.py test --parallel") },
      "pass",
      ["tests-run"],
    ],
    ["go test", { ".github/workflows/ci.yml": step("go test ./...") }, "pass", ["tests-run"]],
    [
      "tests in a local reusable workflow called on push",
      {
        ".github/workflows/ci.yml": "on: [push]\njobs:\n  call:\n    uses: ./.github/workflows/test.yml\n",
        ".github/workflows/test.yml": step("pytest", "workflow_call"),
      },
      "pass",
      ["tests-run"],
    ],
    [
      "tests only in a nightly workflow",
      { ".github/workflows/nightly.yml": NIGHTLY },
      "partial",
      ["tests-run", "tests-not-on-change"],
    ],
    [
      "tests only through a reusable workflow in another repository",
      { ".github/workflows/ci.yml": REUSABLE_REMOTE },
      "partial",
      ["tests-unverified-reusable"],
    ],
    [
      "only a provenance generator from another repository",
      {
        ".github/workflows/release.yml":
          "on:\n  push:\n    tags: ['v*']\njobs:\n  provenance:\n    uses: slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.0.0\n",
      },
      "fail",
      ["no-test-step"],
    ],
    [
      "make test with no Makefile",
      { ".github/workflows/ci.yml": step("make test") },
      "partial",
      ["tests-unverified-runner"],
    ],
    [
      "a workflow that triggers Jenkins",
      { ".github/workflows/ci.yml": step("curl -X POST https://ci.example.com/job/model-tests/build --user $JENKINS") },
      "partial",
      ["tests-remote"],
    ],
    [
      "CI runs ava in a TypeScript library that has no test file",
      {
        ".github/workflows/ci.yml": step("pnpm test"),
        "package.json":
          '{ "name": "nextjs-openai", "scripts": { "test": "ava" }, "devDependencies": { "ava": "^5.0.0" } }',
        "src/hooks.ts": "export const useBuffer = (url: string): string => url;\n",
      },
      "partial",
      ["tests-run", "no-test-files"],
    ],
    [
      "a pull-request workflow that submits an Anyscale job (Made-With-ML's workloads)",
      { ".github/workflows/ci.yml": step("anyscale jobs submit deploy/jobs/workloads.yaml --wait") },
      "partial",
      ["tests-remote"],
    ],
    [
      "tests in a compose service",
      { ".github/workflows/ci.yml": step("docker compose -f docker-compose.ci.yml up --build --exit-code-from tests") },
      "partial",
      ["tests-in-container"],
    ],
    [
      "tests in a Dockerfile stage",
      { ".github/workflows/ci.yml": step("docker build --target test -t app:test .") },
      "partial",
      ["tests-in-container"],
    ],
    [
      "a Pipfile script",
      {
        ".github/workflows/ci.yml": step("pipenv run tests"),
        Pipfile: '[packages]\nfastapi = "*"\n\n[scripts]\ntests = "pytest -q tests"\n',
      },
      "pass",
      ["tests-run"],
    ],
    [
      "a test job switched off with if: false",
      {
        ".github/workflows/ci.yml":
          "on: [push]\njobs:\n  t:\n    if: false\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n",
      },
      "fail",
      ["no-test-step"],
    ],
    [
      "tests in GitLab CI only",
      { ".gitlab-ci.yml": GITLAB_CI },
      "pass",
      ["tests-run-other-ci", "tests-not-in-actions"],
    ],
    [
      "full-stack: backend tests through make in backend/, frontend lint and build only",
      {
        ".github/workflows/backend.yml": FULLSTACK_BACKEND,
        ".github/workflows/frontend.yml": FULLSTACK_FRONTEND,
        "backend/Makefile": FULLSTACK_MAKEFILE,
        "frontend/package.json": FULLSTACK_FRONTEND_PACKAGE,
      },
      "pass",
      ["tests-run"],
    ],
    [
      "a CML workflow that trains and posts a report",
      { ".github/workflows/cml.yml": CML_TRAIN },
      "fail",
      ["no-test-step"],
    ],
    [
      "tests in a Jenkinsfile",
      {
        Jenkinsfile: `pipeline {
  agent any
  stages {
    stage('Test') {
      steps {
        sh 'pip install -r requirements.txt'
        sh '''
          python -m pytest --junitxml=results.xml
        '''
      }
    }
  }
}
`,
      },
      "pass",
      ["tests-run-other-ci", "tests-not-in-actions"],
    ],
    [
      "Travis CI running make test",
      {
        ".travis.yml": "language: python\npython:\n  - '3.8'\ninstall: pip install -e .\nscript:\n  - make test\n",
        Makefile: "test:\n\tnosetests -v\n",
      },
      "pass",
      ["tests-run-other-ci", "tests-not-in-actions"],
    ],
    ["a docs deploy only", { ".github/workflows/docs.yml": DOCS_DEPLOY }, "fail", ["no-test-step"]],
    ["an image publish only", { ".github/workflows/docker.yml": DOCKER_PUBLISH }, "fail", ["no-test-step"]],
    [
      "npm test with npm's placeholder script",
      { ".github/workflows/ci.yml": NODE_CI, "package.json": NPM_DEFAULT_PACKAGE },
      "fail",
      ["npm-default-test", "no-test-step"],
    ],
    [
      "pip install pytest is not a test run",
      { ".github/workflows/ci.yml": step("pip install pytest pytest-cov") },
      "fail",
      ["no-test-step"],
    ],
    [
      "pytest --version is not a test run",
      { ".github/workflows/ci.yml": step("pytest --version") },
      "fail",
      ["no-test-step"],
    ],
    ["no workflows", { "tests/test_model.py": "def test_x():\n    assert True\n" }, "fail", ["no-workflows"]],
  ])("%s -> %s", (_name, tree, status, ids) => {
    const r = runCheck(runsTests, tree);
    expect(r.status).toBe(status);
    expect(r.ids).toEqual(ids);
  });

  it("points at the recipe line that runs the tests and says how CI got there", () => {
    const r = runCheck(runsTests, { ".github/workflows/ci.yml": MAKE_CI, Makefile: MAKEFILE });
    expect(r.findings[0]).toMatchObject({ path: "Makefile", line: 19 });
    expect(r.findings[0]?.message).toContain("via make ci -> make test");
  });
});

describe("ci_cd.runs_tests: tests whose failures CI ignores", () => {
  it.each<[string, Tree]>([
    ["pytest || true", { ".github/workflows/ci.yml": step("pytest tests/ || true") }],
    [
      "make test || echo",
      { ".github/workflows/ci.yml": step('make test || echo "tests failed"'), Makefile: "test:\n\tpytest\n" },
    ],
    [
      "continue-on-error on the step",
      {
        ".github/workflows/ci.yml":
          "on: [push]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n        continue-on-error: true\n",
      },
    ],
    [
      "continue-on-error on the job",
      {
        ".github/workflows/ci.yml":
          "on: [push]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    continue-on-error: true\n    steps:\n      - run: npm test\n",
        "package.json": '{"scripts":{"test":"jest"}}',
      },
    ],
  ])("%s -> partial", (_name, tree) => {
    const r = runCheck(runsTests, tree);
    expect(r.status).toBe("partial");
    expect(r.ids).toEqual(["tests-failures-ignored"]);
  });

  it("a gating run beside an ignored one passes", () => {
    const r = runCheck(runsTests, {
      ".github/workflows/ci.yml": step("pytest -m slow || true && pytest -m 'not slow'"),
    });
    expect(r.status).toBe("pass");
  });
});
