/**
 * Paths inside the repository, as files refer to each other (`-r ../base.txt`, a Compose
 * `build: ../api`): resolved against the listing's `/`-separated paths, never the disk.
 */

/** `a/b` + `../c/d.txt` -> `a/c/d.txt`; undefined for an absolute path or one that leaves the repository. */
export function resolveRelative(dir: string, relative: string): string | undefined {
  if (relative.startsWith("/")) return undefined;
  const parts = dir === "" ? [] : dir.split("/");
  for (const part of relative.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join("/");
}
