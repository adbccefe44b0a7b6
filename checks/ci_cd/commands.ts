/**
 * What a CI command or action does, read from its program and arguments: runs a test suite,
 * lints, checks formatting, checks types, measures or uploads coverage.
 */
import { isTestPath } from "../lib/languages.js";

/** The quality gates a CI run can hold. */
export type GateKind = "lint" | "format" | "types" | "coverage";

/** Every gate kind, in report order. */
export const GATE_KINDS: readonly GateKind[] = ["lint", "format", "types", "coverage"];

const base = (w: string | undefined): string => (w ?? "").replace(/^.*\//, "").toLowerCase();

/** Arguments that only print something: `pytest --version` runs no test. */
const NO_RUN = /^(--version|-V|--help|-h|--collect-only|--co|--list|--listTests|--showConfig)$/;

const JS_RUNNERS = new Set([
  "jest",
  "vitest",
  "mocha",
  "ava",
  "tap",
  "jasmine",
  "uvu",
  "qunit",
  "ts-mocha",
  "wtr",
  "web-test-runner",
  "karma",
  "tape",
  "lab",
  "nyc-mocha",
]);
const PY_RUNNERS = new Set([
  "pytest",
  "py.test",
  "pytest-3",
  "unittest",
  "nose2",
  "nosetests",
  "ward",
  "behave",
  "green",
  "trial",
  "testify",
]);

/** Options that take a value for nyc/c8 before the wrapped command. */
const COVERAGE_WRAPPER_VALUED =
  /^(-r|--reporter|--report-dir|--temp-dir|-n|--include|-x|--exclude|--check-coverage|--lines|--branches|--functions|--statements)$/;

/** The test runner a command runs, if it runs a test suite (`pytest -x`, `npx vitest run`, `go test ./...`). */
export function testRunner(argv: readonly string[]): string | undefined {
  const [first, second] = argv;
  const a = base(first);
  const rest = argv.slice(1);
  if (rest.some((w) => NO_RUN.test(w))) return undefined;
  if (PY_RUNNERS.has(a)) return a === "py.test" || a === "pytest-3" ? "pytest" : a;
  if (JS_RUNNERS.has(a)) return a === "vitest" && /^(bench|init|list)$/.test(second ?? "") ? undefined : a;
  if (a === "coverage" && second === "run") {
    const m = rest.indexOf("-m");
    if (m !== -1) return testRunner(rest.slice(m + 1)) ?? (rest[m + 1] === "unittest" ? "unittest" : undefined);
    return rest.slice(1).find((w) => !w.startsWith("-") && isTestPath(w)) ? "python tests" : undefined;
  }
  if (a === "nyc" || a === "c8") {
    let i = 1;
    while (i < argv.length && (argv[i] as string).startsWith("-"))
      i += COVERAGE_WRAPPER_VALUED.test(argv[i] as string) ? 2 : 1;
    return testRunner(argv.slice(i));
  }
  if (/^(python[\d.]*|py|pypy3?)$/.test(a)) {
    const script = rest.find((w) => !w.startsWith("-"));
    if (script === undefined) return undefined;
    if (/(^|\/)manage\.py$/.test(script) && rest.includes("test")) return "django test";
    if (/(^|\/)setup\.py$/.test(script) && rest.includes("test")) return "setup.py test";
    return isTestPath(script) || /(^|\/)(run_?tests?|tests?)\.py$/.test(script) ? "python tests" : undefined;
  }
  if (a === "hatch" && second === "test") return "pytest";
  if (a === "playwright" && second === "test") return "playwright";
  if (a === "cypress" && second === "run") return "cypress";
  if ((a === "node" || a === "tsx") && rest.includes("--test")) return "node --test";
  if ((a === "bun" || a === "deno") && second === "test") return `${a} test`;
  if ((a === "ng" || a === "react-scripts" || a === "craco" || a === "nx") && second === "test") return `${a} test`;
  if (a === "vue-cli-service" && /^test/.test(second ?? "")) return "vue-cli-service";
  if (a === "go" && second === "test") return "go test";
  if (a === "cargo" && (second === "test" || second === "nextest")) return "cargo test";
  if (
    (a === "mvn" || a === "mvnw") &&
    rest.some((w) => /^(test|verify|install|package)$/.test(w)) &&
    !rest.some((w) => /skipTests|maven\.test\.skip/.test(w))
  )
    return "maven";
  if ((a === "gradle" || a === "gradlew") && rest.some((w) => /^(test|check|build|connectedCheck)$/.test(w)))
    return "gradle";
  if (
    (a === "dotnet" ||
      a === "swift" ||
      a === "stack" ||
      a === "cabal" ||
      a === "dart" ||
      a === "flutter" ||
      a === "mix") &&
    second === "test"
  )
    return `${a} test`;
  if (a === "ctest" || a === "rspec" || a === "phpunit" || a === "bats" || a === "pest") return a;
  if (a === "rake" && /^(test|spec)$/.test(second ?? "")) return "rake";
  if ((a === "rscript" || a === "r") && argv.join(" ").match(/testthat|devtools::test|CMD check/)) return "R tests";
  return undefined;
}

const has = (argv: readonly string[], re: RegExp): boolean => argv.some((w) => re.test(w));

/** The quality gates one command holds; pre-commit hooks fail on changes, so their fixers count as checks. */
export function commandGates(argv: readonly string[], preCommit = false): GateKind[] {
  const a = base(argv[0]);
  const b = argv[1];
  const rest = argv.slice(1);
  const out = new Set<GateKind>();
  // `--exit-zero` reports without failing: the GitHub starter workflow's second flake8 line.
  if (rest.some((w) => w === "--version" || w === "--help" || w === "--exit-zero")) return [];
  if (a === "nbqa") return commandGates(rest, preCommit);
  const check = (re: RegExp): boolean => preCommit || has(rest, re);
  // Lint.
  if (a === "ruff" || a === "ruff-check") {
    if (b === "format") {
      if (check(/^(--check|--diff)$/)) out.add("format");
    } else if (b !== "clean" && b !== "rule" && b !== "config") out.add("lint");
  }
  if (a === "ruff-format" && preCommit) out.add("format");
  if (
    /^(flake8|pylint|pyflakes|pycodestyle|pydocstyle|bandit|prospector|pylama|eslint|oxlint|standard|xo|tslint|stylelint|golangci-lint|shellcheck|hadolint|ruff-lint|semgrep|vulture|eslint_d)$/.test(
      a,
    )
  )
    out.add("lint");
  if ((a === "next" || a === "ng" || a === "deno" || a === "expo") && b === "lint") out.add("lint");
  if (a === "cargo" && b === "clippy") out.add("lint");
  // R: `Rscript -e 'lintr::lint_dir("R")'`, styler asked to fail on changes, covr.
  if (a === "rscript" || a === "r") {
    const code = rest.join(" ");
    if (/\blintr::lint(_dir|_package)?\(/.test(code)) out.add("lint");
    if (/\bstyler::style_\w+\([^)]*\bdry\s*=\s*["']fail/.test(code)) out.add("format");
    if (/\bcovr::/.test(code)) out.add("coverage");
  }
  if (a === "biome" || a === "rome") {
    if (b === "lint" || b === "check" || b === "ci") out.add("lint");
    if (b === "ci" || (b === "check" && !has(rest, /^(--write|--apply|--fix|--apply-unsafe)$/))) out.add("format");
    if (b === "format" && !has(rest, /^(--write|--apply)$/)) out.add("format");
  }
  if (a === "hatch" && b === "fmt" && check(/^--check$/)) {
    out.add("lint");
    out.add("format");
  }
  // Format checks: formatters fail the build only when asked to check (or inside pre-commit).
  if (
    /^(black|blackd|pyink|isort|yapf|autopep8|docformatter|blacken-docs)$/.test(a) &&
    check(/^(--check|--check-only|-c|--diff|-d)$/)
  )
    out.add("format");
  if (a === "prettier" && check(/^(--check|-c|--list-different|-l)$/)) out.add("format");
  if ((a === "dprint" || a === "ufmt") && b === "check") out.add("format");
  if (
    (a === "deno" && b === "fmt" && has(rest, /^--check$/)) ||
    (a === "cargo" && b === "fmt" && has(rest, /^--check$/))
  )
    out.add("format");
  if (a === "gofmt" && has(rest, /^-l$/)) out.add("format");
  if (a === "clang-format" && has(rest, /^(--dry-run|-n|--Werror)$/)) out.add("format");
  // Type checks.
  if (
    /^(mypy|dmypy|pyright|basedpyright|pytype|pyre|tsc|vue-tsc|svelte-check|flow|pyrefly|mirrors-mypy)$/.test(a) &&
    b !== "init"
  )
    out.add("types");
  if (a === "ty" && b === "check") out.add("types");
  // Coverage measured or uploaded.
  if (PY_RUNNERS.has(a) && has(rest, /^--cov(=|$)|^--cov-(report|fail-under)/)) out.add("coverage");
  if (a === "coverage" && /^(run|report|xml|html|json|lcov|combine)$/.test(b ?? "")) out.add("coverage");
  if (a === "nyc" || a === "c8" || a === "codecov" || a === "codecovcli" || a === "coveralls" || a === "diff-cover")
    out.add("coverage");
  if (JS_RUNNERS.has(a) && has(rest, /^--coverage(\.enabled)?(=true)?$/)) out.add("coverage");
  if (a === "go" && b === "test" && has(rest, /^-(cover|coverprofile|covermode)/)) out.add("coverage");
  if (a === "cargo" && (b === "tarpaulin" || b === "llvm-cov")) out.add("coverage");
  return [...out];
}

/** The gates an action holds, from its name (`astral-sh/ruff-action`, `codecov/codecov-action`). */
export function actionGates(uses: string): GateKind[] {
  const name = uses.split("@")[0]?.toLowerCase() ?? "";
  if (name.startsWith("./") || name.startsWith("docker://")) return [];
  const out = new Set<GateKind>();
  if (/codecov|coverage|coveralls|codeclimate|codacy-coverage|lcov/.test(name)) out.add("coverage");
  if (/mypy|pyright|typecheck|type-check|tsc/.test(name)) out.add("types");
  if (/(^|\/)(psf\/black|black-check|isort|prettier)/.test(name) || /\/(black|isort|prettier)(-action)?$/.test(name))
    out.add("format");
  if (
    /ruff|flake8|pylint|eslint|super-linter|megalinter|golangci-lint|lint-action|python-lint|action-pylint|oxlint/.test(
      name,
    )
  )
    out.add("lint");
  if (/reviewdog\/action-(flake8|pylint|eslint|ruff|golangci|shellcheck|hadolint)/.test(name)) out.add("lint");
  return [...out];
}

/** Actions known to run the repository's own tests inside the job. */
const TEST_ACTIONS =
  /^(cypress-io\/github-action|pavelzw\/pytest-action|fylein\/python-pytest-github-action|mattallty\/jest-github-action|gabrielbb\/xvfb-action|coactions\/setup-xvfb)$/;

/** Actions and commands that hand the work to another system: tests there cannot be seen from here. */
const REMOTE_ACTIONS =
  /(trigger-workflow|workflow-dispatch|repository-dispatch|dispatch-workflow|jenkins|circleci|buildkite|travis|saucelabs|browserstack|lambdatest|testingbot|aws-actions\/aws-codebuild-run-build|google-github-actions\/.*cloudbuild)/;

/** How an action relates to tests: runs them here, runs something test-like we cannot see, or hands off. */
export function actionTests(uses: string): "tests" | "unverified" | "remote" | undefined {
  const name = uses.split("@")[0]?.toLowerCase() ?? "";
  if (name.startsWith("./") || name.startsWith("actions/")) return undefined;
  if (TEST_ACTIONS.test(name)) return "tests";
  if (REMOTE_ACTIONS.test(name)) return "remote";
  if (/report|publish|result|summary|comment|setup|annotat|junit/.test(name)) return undefined;
  if (/(^|[/_-])(tests?|testing|pytest|jest|vitest|mocha|unittest|e2e)([/_-]|$)/.test(name)) return "unverified";
  return undefined;
}

/** Job submissions to a compute service: what the job runs lives in its config, on that service. */
const REMOTE_JOBS: readonly (readonly string[])[] = [
  ["anyscale", "job", "submit"],
  ["anyscale", "jobs", "submit"],
  ["ray", "job", "submit"],
  ["databricks", "jobs", "run-now"],
  ["databricks", "bundle", "run"],
  ["gcloud", "ai", "custom-jobs", "create"],
  ["gcloud", "dataproc", "jobs", "submit"],
  ["gcloud", "batch", "jobs", "submit"],
  ["az", "ml", "job", "create"],
  ["aws", "sagemaker", "create-training-job"],
  ["aws", "sagemaker", "create-processing-job"],
  ["sky", "launch"],
  ["sky", "exec"],
  ["sky", "jobs", "launch"],
  ["modal", "run"],
];

/** `curl` to a CI service, `gh workflow run`, a job sent to a compute service: the tests, if any, run elsewhere. */
export function remoteTrigger(argv: readonly string[]): boolean {
  const a = base(argv[0]);
  if (a === "gh" && argv[1] === "workflow" && argv[2] === "run") return true;
  if (REMOTE_JOBS.some((job) => job[0] === a && job.every((w, i) => i === 0 || argv[i] === w))) return true;
  if (a === "curl" || a === "wget" || a === "http")
    return argv.some((w) =>
      /circleci\.com\/api|buildkite\.com|travis-ci\.(com|org)|\/job\/[^/]+\/build|jenkins|\/dispatches\b|gitlab\.com\/api\/v4\/projects\/[^/]+\/trigger/.test(
        w,
      ),
    );
  return false;
}

/**
 * Tests that run inside a container whose command lives elsewhere: `docker compose up
 * --exit-code-from tests`, `docker build --target test .`, `docker compose run tests`.
 */
export function containerTests(argv: readonly string[]): boolean {
  const a = base(argv[0]);
  if (a !== "docker" && a !== "docker-compose" && a !== "podman" && a !== "podman-compose") return false;
  const words = argv.slice(1);
  if (words.includes("--exit-code-from") || words.some((w) => w.startsWith("--exit-code-from="))) return true;
  const target = words.findIndex((w) => w === "--target" || w.startsWith("--target="));
  if (words.includes("build") && target !== -1) {
    const stage = words[target]?.includes("=") ? words[target]?.split("=")[1] : words[target + 1];
    return /test/i.test(stage ?? "");
  }
  const run = words.indexOf("run");
  if (run !== -1 && (a === "docker-compose" || words[0] === "compose")) {
    const service = words.slice(run + 1).find((w) => !w.startsWith("-"));
    return /(^|[-_])tests?($|[-_])/.test(service ?? "") && words.length - run <= 4;
  }
  return false;
}
