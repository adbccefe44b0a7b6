import type { FileContent } from "../engine/types.js";

const SNIFF = 8000;

/**
 * Decode a file's bytes the way a reader would see them: UTF-8 (BOM stripped), UTF-16 with a
 * BOM (Windows `pip freeze > requirements.txt` writes UTF-16LE), or binary when a NUL byte
 * shows up in the first 8,000 bytes of a file that has no UTF-16 BOM (git's own heuristic).
 */
export function decodeBytes(bytes: Uint8Array, truncated = false): FileContent {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      kind: "text",
      text: new TextDecoder("utf-16le").decode(bytes.subarray(2)),
      encoding: "utf-16le",
      truncated,
    };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      kind: "text",
      text: new TextDecoder("utf-16be").decode(bytes.subarray(2)),
      encoding: "utf-16be",
      truncated,
    };
  }
  const sniff = Math.min(bytes.length, SNIFF);
  for (let i = 0; i < sniff; i++) {
    if (bytes[i] === 0) return { kind: "unread", reason: "binary" };
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return { kind: "text", text: new TextDecoder("utf-8").decode(bytes.subarray(start)), encoding: "utf-8", truncated };
}

/** Text that arrived already decoded (GitHub's GraphQL `Blob.text`): strip a BOM, keep the rest. */
export function fromText(text: string, truncated = false): FileContent {
  return { kind: "text", text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: "utf-8", truncated };
}
