import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** Write a literal tree into a fresh temporary folder; returns its path and a cleanup. */
export function writeTree(tree: Readonly<Record<string, string | Uint8Array>>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "pq-"));
  for (const [path, content] of Object.entries(tree)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
