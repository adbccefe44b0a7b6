import { describe, expect, it } from "vitest";
import { type CiCommand, ciCommands, splitScript, TASK_READ, unwrap, wordsOf } from "../../../checks/lib/tasks.js";
import { WORKFLOW_READ } from "../../../checks/lib/workflows.js";
import { RepoView } from "../../../src/engine/repo-view.js";
import { snapshotOf, type Tree } from "../../helpers/tree.js";
import {
  MAKE_CI,
  MAKEFILE,
  NODE_CI,
  NODE_PACKAGE,
  PRE_COMMIT_CI,
  PRE_COMMIT_CONFIG,
  TOX_CI,
  TOX_INI,
} from "../ci_cd/fixtures.js";

const view = (tree: Tree): RepoView => new RepoView(snapshotOf(tree, [{ reads: [WORKFLOW_READ, TASK_READ] }]));
const show = (c: CiCommand): string => [...c.via, c.argv.join(" ")].join(" > ");
const commandsOf = (tree: Tree): string[] => ciCommands(view(tree)).map(show);

/** A one-job workflow running these lines. */
const job = (run: string, extra = ""): string =>
  `on: [push]\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: |\n${run
    .split("\n")
    .map((l) => `          ${l}`)
    .join("\n")}\n${extra}`;

describe("splitScript", () => {
  it.each([
    ["a && b || c; d | e", ["a", "b", "c", "d", "e"]],
    ['echo "a && b"; c', ['echo "a && b"', "c"]],
    ["pytest \\\n  --cov=src \\\n  tests/", ["pytest    --cov=src    tests/"]],
    ["# install\npip install .  # editable\npytest", ["pip install .", "pytest"]],
    ["if [ -f x ]; then\n  pytest\nfi", ["[ -f x ]", "pytest"]],
    ["for f in a b; do\n  ruff check $f\ndone", ["ruff check $f"]],
    ["cat <<EOF > cfg.ini\n[pytest]\npytest = 1\nEOF\nmypy src", ["cat <<EOF > cfg.ini", "mypy src"]],
    ["pytest 2>&1 | tee out.txt", ["pytest 2>&1", "tee out.txt"]],
    [
      "VERSION=$(python -c 'import x; print(x)') && echo $VERSION",
      ["VERSION=$(python -c 'import x; print(x)')", "echo $VERSION"],
    ],
  ])("%j -> %j", (script, expected) => {
    expect(splitScript(script, 1).map((l) => l.text)).toEqual(expected);
  });

  it("keeps the line each command starts on", () => {
    expect(splitScript("pip install -e .\n\n# tests\npytest \\\n  -x\nruff check .", 10).map((l) => l.line)).toEqual([
      10, 13, 15,
    ]);
  });
});

describe("unwrap", () => {
  it.each([
    ["python -m pytest -q", "pytest -q"],
    ["python3.11 -W error -m pytest", "pytest"],
    ["uv run --frozen --extra dev python -m pytest tests", "pytest tests"],
    ["poetry run mypy src", "mypy src"],
    ["PYTHONPATH=src CI=1 pytest", "pytest"],
    ["npx --yes vitest run", "vitest run"],
    ["pnpm exec eslint .", "eslint ."],
    ["./node_modules/.bin/jest --ci", "jest --ci"],
    [".venv/bin/pytest", "pytest"],
    ["sudo -E env PATH=$PATH xvfb-run -a pytest", "pytest"],
    ["cross-env NODE_ENV=test jest", "jest"],
    ["conda run -n ml python -m pytest", "pytest"],
    ["timeout 600 pytest", "pytest"],
    ["$(MAKE) test", "make test"],
    ["python train.py", "python train.py"],
  ])("%s -> %s", (command, expected) => {
    expect(unwrap(wordsOf(command)).join(" ")).toBe(expected);
  });

  it("drops redirections and quotes", () => {
    expect(wordsOf(`pytest -k "not slow" > out.log 2>&1`)).toEqual(["pytest", "-k", "not slow"]);
  });
});

describe("ciCommands", () => {
  it.each<[string, Tree, string[]]>([
    [
      "make targets with prerequisites, variables and $(MAKE)",
      { ".github/workflows/ci.yml": MAKE_CI, Makefile: MAKEFILE },
      [
        "make ci > make lint > ruff check src/churn tests",
        "make ci > make format-check > ruff format --check src/churn tests",
        "make ci > make typecheck > mypy src/churn",
        "make ci > make test > pytest -x --cov=src/churn --cov-fail-under=85",
        "make install > pip install -e .[dev]",
      ],
    ],
    [
      "npm scripts with pre/post hooks and nested npm run",
      {
        ".github/workflows/ci.yml": job("cd web\nnpm ci\nnpm test"),
        "web/package.json": JSON.stringify({
          scripts: { pretest: "npm run lint", lint: "eslint src", test: "vitest run", posttest: "echo done" },
        }),
      },
      ["npm run pretest > npm run lint > eslint src", "npm test > vitest run", "npm run posttest > echo done"],
    ],
    [
      "the Node fixture: npm run lint and npm test",
      { ".github/workflows/ci.yml": NODE_CI, "package.json": NODE_PACKAGE },
      ["npm run lint > eslint .", "npm run lint > prettier --check src", "npm test > vitest run --coverage"],
    ],
    [
      "working-directory, pnpm -C and yarn binaries",
      {
        ".github/workflows/ci.yml": `on: push\njobs:\n  a:\n    runs-on: x\n    defaults:\n      run:\n        working-directory: frontend\n    steps:\n      - run: yarn eslint src\n      - run: pnpm -C ../api test\n`,
        "frontend/package.json": JSON.stringify({ scripts: { build: "vite build" } }),
        "api/package.json": JSON.stringify({ scripts: { test: "jest --ci" } }),
      },
      ["yarn eslint > eslint src", "pnpm test > jest --ci"],
    ],
    [
      "tox with tox-gh-actions runs every env of the envlist",
      { ".github/workflows/ci.yml": TOX_CI, "tox.ini": TOX_INI },
      [
        "tox -e py39 > pytest --cov=featurestore tests",
        "tox -e lint > ruff check src",
        "tox -e lint > ruff format --check src",
      ],
    ],
    [
      "tox -e lint in pyproject's legacy_tox_ini",
      {
        ".github/workflows/ci.yml": job("tox -e lint"),
        "pyproject.toml": `[project]\nname = "x"\n\n[tool.tox]\nlegacy_tox_ini = """\n[tox]\nenvlist = py311, lint\n\n[testenv:lint]\ncommands = ruff check .\n"""\n`,
      },
      ["tox -e lint > ruff check ."],
    ],
    [
      "tox.toml in tox 4's native format",
      {
        ".github/workflows/ci.yml": job("tox run -e 3.12"),
        "tox.toml": `env_list = ["3.12", "type"]\n\n[env_run_base]\ndeps = ["pytest"]\ncommands = [["pytest", { replace = "posargs", default = ["tests"], extend = true }]]\n\n[env.type]\ncommands = [["mypy", "src"]]\n`,
      },
      ["tox -e 3.12 > pytest tests"],
    ],
    [
      "nox sessions: -s, notify, name= and the default sessions",
      {
        ".github/workflows/ci.yml": job("nox -s tests-3.11\nnox"),
        "noxfile.py": `import nox\n\nnox.options.sessions = ["lint"]\n\n\n@nox.session(python=["3.10", "3.11"])\ndef tests(session: nox.Session) -> None:\n    session.install("-e", ".[test]")\n    session.run(\n        "pytest",\n        "--cov=pkg",\n        *session.posargs,\n        env={"PYTHONHASHSEED": "0"},\n    )\n    session.notify("coverage")\n\n\n@nox.session(name="lint")\ndef lint_session(s):\n    s.run("ruff", "check", ".")  # "black"\n\n\n@nox.session\ndef coverage(session):\n    session.run("coverage", "report", "--fail-under=90")\n`,
      },
      [
        "nox -s tests-3.11 > pytest --cov=pkg",
        "nox -s tests-3.11 > nox -s coverage > coverage report --fail-under=90",
        "nox -s lint > ruff check .",
      ],
    ],
    [
      "just recipes with dependencies",
      {
        ".github/workflows/ci.yml": job("just ci"),
        justfile: `set dotenv-load\n\ndefault:\n    @just --list\n\nlint:\n    uv run ruff check .\n\ntest *ARGS: lint\n    uv run pytest {{ARGS}}\n\nci: test\n    @echo ok\n`,
      },
      ["just ci > just test > just lint > ruff check .", "just ci > just test > pytest {{ARGS}}"],
    ],
    [
      "Taskfile tasks with deps and task calls",
      {
        ".github/workflows/ci.yml": job("task check"),
        "Taskfile.yml": `version: "3"\ntasks:\n  lint:\n    cmds:\n      - golangci-lint run\n  test:\n    deps: [lint]\n    cmds:\n      - go test ./...\n  check:\n    cmds:\n      - task: test\n      - cmd: go vet ./...\n`,
      },
      [
        "task check > task test > go test ./...",
        "task check > task test > task lint > golangci-lint run",
        "task check > go vet ./...",
      ],
    ],
    [
      "mise tasks",
      {
        ".github/workflows/ci.yml": job("mise run test"),
        "mise.toml": `[tools]\npython = "3.12"\n\n[tasks.lint]\nrun = "ruff check ."\n\n[tasks.test]\ndepends = ["lint"]\nrun = ["pytest -q"]\n`,
      },
      ["mise run test > mise run lint > ruff check .", "mise run test > pytest -q"],
    ],
    [
      "hatch, pdm and poe scripts",
      {
        ".github/workflows/ci.yml": job("hatch run cov\npdm run lint\npoe types"),
        "pyproject.toml": `[project]\nname = "x"\n\n[tool.hatch.envs.default.scripts]\ntest = "pytest {args}"\ncov = ["test --cov=x", "coverage report"]\n\n[tool.pdm.scripts]\nlint = "ruff check ."\n\n[tool.poe.tasks]\ntypes = { cmd = "mypy src" }\n`,
      },
      [
        "hatch run cov > hatch run test > pytest {args}",
        "hatch run cov > coverage report",
        "pdm run lint > ruff check .",
        "poe types > mypy src",
      ],
    ],
    [
      "pre-commit through its action and through `pre-commit run`",
      {
        ".github/workflows/lint.yml": PRE_COMMIT_CI,
        ".github/workflows/ci.yml": job("pre-commit run --all-files"),
        ".pre-commit-config.yaml": PRE_COMMIT_CONFIG,
      },
      [
        "uses: pre-commit/action@v3.0.1 > ruff --fix",
        "uses: pre-commit/action@v3.0.1 > mypy",
        "pre-commit run > ruff-format",
      ],
    ],
    [
      "shell scripts and bash -c",
      {
        ".github/workflows/ci.yml": job("bash scripts/ci.sh\nsh -c 'flake8 . && pytest'"),
        "scripts/ci.sh": "#!/usr/bin/env bash\nset -euo pipefail\npython -m pytest tests/\n",
      },
      ["scripts/ci.sh > pytest tests/", "sh -c > flake8 .", "sh -c > pytest"],
    ],
    [
      "docker compose run",
      { ".github/workflows/ci.yml": job("docker compose run --rm -e CI=1 api pytest -q") },
      ["docker compose run api > pytest -q"],
    ],
    [
      "a local composite action",
      {
        ".github/workflows/ci.yml":
          "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: ./.github/actions/test\n",
        ".github/actions/test/action.yml":
          "name: test\nruns:\n  using: composite\n  steps:\n    - run: pytest -q\n      shell: bash\n",
      },
      ["uses: ./.github/actions/test > pytest -q"],
    ],
    [
      "a retry action's command input",
      {
        ".github/workflows/ci.yml":
          "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: nick-fields/retry@v3\n        with:\n          max_attempts: 3\n          command: npx playwright test\n",
      },
      ["uses: nick-fields/retry@v3 > playwright test"],
    ],
    [
      "npm-run-all patterns and concurrently",
      {
        ".github/workflows/ci.yml": job("npx run-s lint:* && npx concurrently 'npm:test:unit' 'tsc --noEmit'"),
        "package.json": JSON.stringify({
          scripts: { "lint:js": "eslint .", "lint:css": "stylelint '**/*.css'", "test:unit": "vitest run" },
        }),
      },
      [
        "npm run lint:js > eslint .",
        "npm run lint:css > stylelint **/*.css",
        "concurrently > npm run test:unit > vitest run",
        "concurrently > tsc --noEmit",
      ],
    ],
    [
      "workspaces: npm test --workspaces and turbo run lint",
      {
        ".github/workflows/ci.yml": job("npm test --workspaces --if-present\nnpx turbo run lint"),
        "package.json": JSON.stringify({ workspaces: ["packages/*"] }),
        "packages/api/package.json": JSON.stringify({ scripts: { test: "jest", lint: "eslint src" } }),
        "packages/web/package.json": JSON.stringify({ scripts: { test: "vitest run" } }),
      },
      ["npm test > jest", "npm test > vitest run", "turbo run lint > eslint src"],
    ],
    [
      "Makefile include files, define blocks and .DEFAULT_GOAL",
      {
        ".github/workflows/ci.yml": job("make"),
        Makefile:
          'include make/*.mk\n\ndefine HELP\ntest: not a target\nendef\n\n.DEFAULT_GOAL := check\n\nhelp:\n\t@echo "$$HELP"\n',
        "make/check.mk": "check: lint\n\tpytest -q\n\nlint:\n\truff check .\n",
      },
      ["make check > make lint > ruff check .", "make check > pytest -q"],
    ],
    [
      "a mise file task and a just alias",
      {
        ".github/workflows/ci.yml": job("mise run ci:test\njust t"),
        "mise.toml": '[tools]\nnode = "20"\n',
        "mise-tasks/ci/test": '#!/usr/bin/env bash\n#MISE description="tests"\nnpm test\n',
        "package.json": JSON.stringify({ scripts: { test: "node --test" } }),
        justfile: "alias t := test\n\ntest:\n    pytest\n",
      },
      ["mise run ci:test > npm test > node --test", "just t > pytest"],
    ],
  ])("%s", (_name, tree, expected) => {
    const got = commandsOf(tree);
    if (process.env.SHOW) console.log(got);
    for (const e of expected) expect(got).toContain(e);
  });

  it("records where each command lives and which workflow and job started it", () => {
    const commands = ciCommands(view({ ".github/workflows/ci.yml": MAKE_CI, Makefile: MAKEFILE }));
    const pytest = commands.find((c) => c.argv[0] === "pytest");
    expect(pytest).toMatchObject({ path: "Makefile", line: 19, workflow: ".github/workflows/ci.yml", job: "check" });
    const make = commands.find((c) => c.command === "make ci");
    expect(make).toMatchObject({
      path: ".github/workflows/ci.yml",
      line: 14,
      runner: { tool: "make", task: "ci", status: "followed" },
    });
  });

  it("marks pre-commit hooks", () => {
    const commands = ciCommands(
      view({ ".github/workflows/lint.yml": PRE_COMMIT_CI, ".pre-commit-config.yaml": PRE_COMMIT_CONFIG }),
    );
    expect(commands.filter((c) => c.preCommit).map((c) => c.argv[0])).toEqual([
      "trailing-whitespace",
      "end-of-file-fixer",
      "ruff",
      "ruff-format",
      "mypy",
    ]);
  });

  it.each<[string, Tree, { tool: string; task: string; status: string }]>([
    [
      "a make target that does not exist",
      { ".github/workflows/ci.yml": job("make test"), Makefile: "lint:\n\truff check .\n" },
      { tool: "make", task: "test", status: "missing" },
    ],
    [
      "make with no Makefile",
      { ".github/workflows/ci.yml": job("make test") },
      { tool: "make", task: "test", status: "missing" },
    ],
    [
      "npm test with no test script",
      { ".github/workflows/ci.yml": job("npm test"), "package.json": '{"scripts":{"build":"tsc"}}' },
      { tool: "npm", task: "test", status: "missing" },
    ],
    [
      "tox with no config",
      { ".github/workflows/ci.yml": job("tox -e py311") },
      { tool: "tox", task: "py311", status: "missing" },
    ],
    [
      "a Makefile too large to read",
      { ".github/workflows/ci.yml": job("make test"), Makefile: { mode: "file", size: 900_000 } },
      { tool: "make", task: "test", status: "unread" },
    ],
  ])("reports %s", (_name, tree, runner) => {
    const c = ciCommands(view(tree)).find((x) => x.runner);
    expect(c?.runner).toEqual(runner);
  });

  it("stops on cycles: make targets and npm scripts that call each other", () => {
    const got = commandsOf({
      ".github/workflows/ci.yml": job("make a\nnpm test"),
      Makefile: "a: b\n\techo a\n\tmake a\nb: a\n\techo b\n",
      "package.json": JSON.stringify({ scripts: { test: "npm run again", again: "npm test" } }),
    });
    expect(got.length).toBeLessThan(20);
    expect(got).toContain("make a > make b > echo b");
  });

  it("caps a runner chain's depth", () => {
    const scripts: Record<string, string> = {};
    for (let i = 0; i < 30; i++) scripts[`s${i}`] = `npm run s${i + 1}`;
    const got = commandsOf({
      ".github/workflows/ci.yml": job("npm run s0"),
      "package.json": JSON.stringify({ scripts }),
    });
    expect(got.length).toBeLessThanOrEqual(12);
  });
});

describe("commands computed at run time", () => {
  it.each<[string, Tree, string[]]>([
    [
      "nox -s $NOX_SESSION with a default follows the parametrized test session",
      {
        ".github/workflows/ci.yml": job(`nox -s \${NOX_SESSION:-test-$PYTHON_VERSION}`),
        "noxfile.py": `import nox\n\n@nox.session(python=["3.9", "3.12"])\ndef test(session):\n    session.run("pytest")\n\n@nox.session\ndef lint(session):\n    session.run("ruff", "check")\n`,
      },
      ["nox -s test > pytest"],
    ],
    [
      "tox -e with a matrix expression follows every env the pattern can name",
      {
        ".github/workflows/ci.yml": job(`tox -e py\${{ matrix.python }}`),
        "tox.ini":
          "[tox]\nenvlist = py311, py312, docs\n\n[testenv]\ncommands = pytest\n\n[testenv:docs]\ncommands = sphinx-build docs out\n",
      },
      ["tox -e py311 > pytest"],
    ],
    [
      "make $TARGET matches every target",
      {
        ".github/workflows/ci.yml": job(`make \${{ matrix.target }}`),
        Makefile: "test:\n\tpytest\nlint:\n\truff check .\n",
      },
      ["make test > pytest", "make lint > ruff check ."],
    ],
  ])("%s", (_name, tree, expected) => {
    const got = commandsOf(tree);
    for (const e of expected) expect(got).toContain(e);
  });

  it("keeps $(...) in one word", () => {
    expect(wordsOf("SOURCE_DATE_EPOCH=$(git log -1 --pretty=%ct) python -m build")).toEqual([
      "SOURCE_DATE_EPOCH=$(git log -1 --pretty=%ct)",
      "python",
      "-m",
      "build",
    ]);
  });
});
