/**
 * The project's own Dockerfile builds: its build stage copies every file `npm run build` reads
 * (the files named in the build scripts, and the folders tsconfig.build.json includes), and the
 * image runs what `npm start` runs. Parsed with the same Dockerfile reader the checks use; no
 * Docker daemon is needed.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../checks/lib/dockerfile.js";

const root = join(import.meta.dirname, "..");
const model = parseDockerfile(readFileSync(join(root, "Dockerfile"), "utf8"));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
const build = model.stages[0];

/** Paths the build stage copies from the context (`COPY a b ./dest` → a, b). */
function copied(): string[] {
  return (build?.instructions ?? [])
    .filter((i) => i.keyword === "COPY" && i.flags.from === undefined)
    .flatMap((i) => (i.json ?? i.args).slice(0, -1))
    .map((p) => p.replace(/^\.\//, "").replace(/\/$/, ""));
}

/** Files and folders the build scripts read, from package.json and tsconfig.build.json. */
function buildInputs(): string[] {
  const scripts = [pkg.scripts.build ?? "", pkg.scripts.bundle ?? ""].join(" ");
  const named = [...scripts.matchAll(/[\w./-]+\.(?:json|mjs|cjs|js|ts)\b/g)].map((m) => m[0]);
  const tsconfig = JSON.parse(readFileSync(join(root, "tsconfig.build.json"), "utf8")) as {
    extends?: string;
    include?: string[];
  };
  const extended = tsconfig.extends ? [tsconfig.extends.replace(/^\.\//, "")] : [];
  return [...new Set([...named, ...extended, ...(tsconfig.include ?? [])])];
}

describe("the project's Dockerfile", () => {
  it("runs `npm run build` in its first stage", () => {
    expect(build?.instructions.some((i) => i.keyword === "RUN" && /\bnpm run build\b/.test(i.raw))).toBe(true);
  });

  it("copies every input of the build that the repository has, except what .dockerignore leaves out on purpose", () => {
    const ignored = readFileSync(join(root, ".dockerignore"), "utf8").split("\n").filter(Boolean);
    const sources = copied();
    const covered = (p: string) => sources.some((c) => p === c || p.startsWith(`${c}/`));
    // bench/ imports tests/, which the image leaves out: tsc simply finds no bench sources there.
    const optional = new Set(["bench"]);
    const missing = buildInputs().filter((p) => existsSync(join(root, p)) && !covered(p) && !optional.has(p));
    expect(missing).toEqual([]);
    for (const p of sources) expect(ignored).not.toContain(p);
  });

  it("starts the App the way `npm start` does", () => {
    const last = model.stages[model.stages.length - 1];
    const cmd = last?.instructions.filter((i) => i.keyword === "CMD").at(-1);
    expect(cmd?.json?.join(" ")).toBe(pkg.scripts.start);
  });
});
