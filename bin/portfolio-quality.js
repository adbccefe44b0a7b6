#!/usr/bin/env node
// Runs the CLI bundle that `npm run build` (the `prepare` script of `npm ci`) writes into
// dist/, with the V8 code cache the build made for it (see src/cli/launch.ts).
import { fileURLToPath } from "node:url";
import { launch } from "../dist/src/cli/launch.js";

void launch(fileURLToPath(new URL("../dist/", import.meta.url)), process.argv.slice(2));
