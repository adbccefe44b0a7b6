#!/usr/bin/env node
// The unbundled CLI (`node dist/src/cli/bin.js`); the installed `portfolio-quality` command
// runs the same code from the bundle, through bin/portfolio-quality.js.
import { runCli } from "./process.js";

void runCli(process.argv.slice(2));
