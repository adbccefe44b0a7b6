/**
 * What the CLI bundle (dist/portfolio-quality.cjs) exports to its launcher: the process shell
 * for the installed command, and `run` with injected IO for the build's code-cache training run.
 */
export { run } from "./main.js";
export { runCli } from "./process.js";
