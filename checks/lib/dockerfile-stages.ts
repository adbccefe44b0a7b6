/**
 * What a parsed Dockerfile's stages amount to once inheritance is followed: `FROM builder`
 * carries builder's USER, ENV and command into the stage that builds on it.
 */
import {
  type DockerfileModel,
  type DockerInstruction,
  type DockerStage,
  type ImageRef,
  substitute,
} from "./dockerfile.js";

/** The stage chain of a stage, itself last: `FROM builder` inherits builder's USER and ENV. */
export function stageChain(model: DockerfileModel, stage: DockerStage): DockerStage[] {
  const chain: DockerStage[] = [stage];
  let parent = stage.parent;
  while (parent !== undefined && chain.length <= model.stages.length) {
    const s = model.stages[parent];
    if (!s) break;
    chain.unshift(s);
    parent = s.parent;
  }
  return chain;
}

/** The external base image a stage ultimately builds on. */
export function baseImageOf(model: DockerfileModel, stage: DockerStage): ImageRef | undefined {
  return stageChain(model, stage)[0]?.image;
}

/** The values of build arguments and ENV visible in a stage (defaults only: no build-time overrides). */
export function stageVariables(model: DockerfileModel, stage: DockerStage): Map<string, string | null> {
  const values = new Map<string, string | null>();
  for (const s of stageChain(model, stage))
    for (const ins of s.instructions) {
      if (ins.keyword !== "ARG" && ins.keyword !== "ENV") continue;
      for (const p of ins.properties ?? []) {
        // `ARG X` inside a stage re-imports the global default.
        const value = p.value ?? (ins.keyword === "ARG" ? (model.globalArgs.get(p.name) ?? null) : null);
        values.set(p.name, value === null ? null : substitute(value, values));
      }
    }
  return values;
}

/** The last USER of a stage, following its parents; undefined when no stage in the chain sets one. */
export function effectiveUser(
  model: DockerfileModel,
  stage: DockerStage,
): { readonly user: string; readonly line: number } | undefined {
  const values = stageVariables(model, stage);
  let found: { user: string; line: number } | undefined;
  for (const s of stageChain(model, stage))
    for (const ins of s.instructions)
      if (ins.keyword === "USER" && ins.args[0]) found = { user: substitute(ins.args[0], values), line: ins.line };
  return found;
}

/** True for the root user written any way Docker accepts (`root`, `0`, `root:root`, `0:0`). */
export function isRootUser(user: string): boolean {
  const name = user.split(":")[0]?.trim().toLowerCase() ?? "";
  return name === "root" || name === "0";
}

/** The command a stage runs: its last CMD and ENTRYPOINT joined, following its parents. */
export function stageCommand(model: DockerfileModel, stage: DockerStage): { text: string; line: number } | undefined {
  let cmd: DockerInstruction | undefined;
  let entry: DockerInstruction | undefined;
  for (const s of stageChain(model, stage))
    for (const ins of s.instructions) {
      if (ins.keyword === "CMD") cmd = ins;
      if (ins.keyword === "ENTRYPOINT") entry = ins;
    }
  const words = (ins?: DockerInstruction) => (ins ? (ins.json ? ins.json.join(" ") : ins.raw) : "");
  const text = `${words(entry)} ${words(cmd)}`.trim();
  const line = cmd?.line ?? entry?.line;
  return text && line !== undefined ? { text, line } : undefined;
}
