import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Name and version of this tool, read from the package.json above this module (src or dist). */
export function toolInfo(): { name: string; version: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "portfolio-quality") return { name: pkg.name, version: pkg.version ?? "0.0.0" };
    } catch {
      // not here: keep walking up
    }
    dir = dirname(dir);
  }
  return { name: "portfolio-quality", version: "0.0.0" };
}
