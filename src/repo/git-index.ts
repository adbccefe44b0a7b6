/**
 * Reads the paths git tracks from `.git/index` (versions 2, 3 and 4), without running git.
 * The local source uses it so that a committed file listed in `.gitignore` (a committed `.env`,
 * say) is still seen, as it would be on GitHub.
 */
import { readFileSync } from "node:fs";

/** One tracked path with its git mode (0o100644, 0o100755, 0o120000, 0o160000). */
export interface IndexEntry {
  readonly path: string;
  readonly mode: number;
}

function readVarint(buf: Buffer, at: number): [number, number] {
  // git's offset encoding for v4 path prefixes: big-endian base-128 with an added 1 per continuation.
  let byte = buf[at++] ?? 0;
  let value = byte & 0x7f;
  while (byte & 0x80) {
    byte = buf[at++] ?? 0;
    value = ((value + 1) << 7) | (byte & 0x7f);
  }
  return [value, at];
}

/** Parse a git index file; returns null when it is absent or not a format this reader knows. */
export function readGitIndex(file: string): IndexEntry[] | null {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return null;
  }
  if (buf.length < 12 || buf.toString("latin1", 0, 4) !== "DIRC") return null;
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) return null;
  const count = buf.readUInt32BE(8);
  const entries: IndexEntry[] = [];
  let at = 12;
  let previous = "";
  for (let n = 0; n < count; n++) {
    const start = at;
    if (at + 62 > buf.length) return null;
    const mode = buf.readUInt32BE(at + 24);
    const flags = buf.readUInt16BE(at + 60);
    at += 62;
    if (version >= 3 && flags & 0x4000) at += 2;
    let path: string;
    if (version === 4) {
      const [strip, next] = readVarint(buf, at);
      at = next;
      const end = buf.indexOf(0, at);
      if (end === -1) return null;
      path = previous.slice(0, Math.max(0, previous.length - strip)) + buf.toString("utf8", at, end);
      at = end + 1;
    } else {
      const end = buf.indexOf(0, at);
      if (end === -1) return null;
      path = buf.toString("utf8", at, end);
      // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes from the entry's start.
      at = start + Math.ceil((end - start + 1) / 8) * 8;
    }
    previous = path;
    entries.push({ path, mode });
  }
  return entries;
}
