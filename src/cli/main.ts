/**
 * The command-line front end: a composition root that joins the checklist, the engine, a source
 * and a renderer. `run` returns the exit code instead of exiting, so it is tested in-process.
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { CHECKS } from "../../checks/index.js";
import { configJsonSchema } from "../engine/config.js";
import { CRITERIA } from "../engine/criteria.js";
import { LocalSource } from "../repo/local.js";
import { renderJson } from "../report/json.js";
import { renderMarkdownDocument } from "../report/markdown.js";
import { renderTerminal } from "../report/terminal.js";
import { customChecks, scan } from "../scan.js";
import { toolInfo } from "../tool.js";
import { formatIssues, loadLocalConfig } from "./config-file.js";
import { type CliIO, EXIT, UsageError, useColor } from "./io.js";
import { configureScanCommand } from "./scan-command.js";

function score(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 100) throw new InvalidArgumentError("expected a whole number from 0 to 100");
  return n;
}

interface CheckFlags {
  format: "terminal" | "markdown" | "json";
  config?: string;
  minScore?: number;
  verbose?: boolean;
  gitignore: boolean;
}

async function checkCommand(dirArg: string | undefined, flags: CheckFlags, io: CliIO): Promise<number> {
  const dir = resolve(io.cwd, dirArg ?? ".");
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) throw new UsageError(`${dirArg ?? "."} is not a directory`);
  const loaded = loadLocalConfig(dir, flags.config === undefined ? undefined : resolve(io.cwd, flags.config), CHECKS);
  // Rule patterns are compiled here too, so a pattern RE2 refuses is a config error (exit 2).
  const ruleIssues = customChecks(loaded.config, loaded.shown, loaded.lineOf).issues;
  const issues = [...loaded.issues, ...ruleIssues];
  if (issues.length > 0) throw new UsageError(`Invalid config:\n${formatIssues(issues)}`);
  const config = flags.minScore === undefined ? loaded.config : { ...loaded.config, threshold: flags.minScore };
  const report = await scan(new LocalSource(dir, { gitignore: flags.gitignore }), {
    checks: CHECKS,
    config,
    tool: toolInfo(),
  });
  if (flags.format === "json") io.stdout(renderJson(report));
  else if (flags.format === "markdown") io.stdout(renderMarkdownDocument(report));
  else
    io.stdout(
      renderTerminal(report, {
        color: useColor(io),
        verbose: flags.verbose ?? false,
        ...(io.columns ? { width: io.columns } : {}),
      }),
    );
  return report.passed ? EXIT.ok : EXIT.belowThreshold;
}

function listChecks(io: CliIO, json: boolean): number {
  if (json) {
    const list = CHECKS.map(({ id, title, criterion, weight, looksFor, why, remediation, effort, docs }) => ({
      id,
      title,
      criterion,
      weight,
      looksFor,
      why,
      remediation,
      effort,
      docs,
    }));
    io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    return EXIT.ok;
  }
  for (const criterion of CRITERIA) {
    io.stdout(`${criterion.title} (${criterion.id}, weight ${criterion.weight})\n`);
    for (const c of CHECKS.filter((k) => k.criterion === criterion.id)) {
      io.stdout(`  ${c.id.padEnd(34)} weight ${c.weight}  ${c.looksFor}\n`);
    }
  }
  return EXIT.ok;
}

/** Build the program; each action stores its exit code in `result`. */
function program(io: CliIO, result: { code: number; pending?: Promise<number> }): Command {
  const info = toolInfo();
  const cmd = new Command("portfolio-quality")
    .description("Score a repository against the ML-engineer portfolio checklist.")
    .version(info.version)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  cmd
    .command("check")
    .description("check a local folder and print its report")
    .argument("[dir]", "folder to check", ".")
    .addOption(
      new Option("-f, --format <format>", "report format")
        .choices(["terminal", "markdown", "json"])
        .default("terminal"),
    )
    .option("-c, --config <file>", "config file (default: <dir>/.github/portfolio-quality.yml)")
    .option("--min-score <n>", "exit 1 below this score (default: the config's threshold)", score)
    .option("-v, --verbose", "show every finding, evidence included")
    .option("--no-gitignore", "list files that .gitignore excludes too")
    .action((dir: string | undefined, flags: CheckFlags) => {
      result.pending = checkCommand(dir, flags, io);
    });
  configureScanCommand(cmd.command("scan"), io, result);
  cmd
    .command("checks")
    .description("list every check with its criterion, weight and what it looks for")
    .option("--json", "as JSON, with why, remediation and docs")
    .action((flags: { json?: boolean }) => {
      result.code = listChecks(io, flags.json ?? false);
    });
  cmd
    .command("schema")
    .description("print the JSON Schema of .github/portfolio-quality.yml")
    .action(() => {
      io.stdout(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
      result.code = EXIT.ok;
    });
  return cmd;
}

/** Run the CLI with these arguments (without node and script); resolves to the exit code. */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const result: { code: number; pending?: Promise<number> } = { code: EXIT.ok };
  try {
    await program(io, result).parseAsync([...args], { from: "user" });
    return result.pending ? await result.pending : result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version "fail" with exit code 0; real usage errors were already printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`portfolio-quality: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
