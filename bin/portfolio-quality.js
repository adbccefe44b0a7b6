#!/usr/bin/env node
// Runs the CLI, bundled into one file by `npm run build` (the `prepare` script of `npm ci`):
// one file loads in about half the time of the ~400 modules it is made of.
import "../dist/portfolio-quality.mjs";
