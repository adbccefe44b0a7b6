/**
 * Where things are in a TOML file. smol-toml returns values without positions, so the lines of
 * table headers and keys are recovered by a line scan that knows TOML's header and key syntax.
 */

const BARE = "[A-Za-z0-9_-]+";
const QUOTED = `"(?:[^"\\\\]|\\\\.)*"|'[^']*'`;
const KEY_PART = `(?:${BARE}|${QUOTED})`;
const DOTTED = `${KEY_PART}(?:\\s*\\.\\s*${KEY_PART})*`;
const HEADER = new RegExp(`^\\s*\\[\\[?\\s*(${DOTTED})\\s*\\]\\]?\\s*(?:#.*)?$`);
const KEY_LINE = new RegExp(`^\\s*(${DOTTED})\\s*=`);
const PART = new RegExp(KEY_PART, "g");

function splitDotted(dotted: string): string[] {
  return (dotted.match(PART) ?? []).map((p) =>
    p.startsWith('"') || p.startsWith("'") ? p.slice(1, -1).replace(/\\(.)/g, "$1") : p,
  );
}

/**
 * 1-based line of every table header and key, by dotted path ("tool.coverage.report.fail_under").
 * The first occurrence wins. Lines inside multi-line strings are skipped.
 */
export function tomlKeyLines(text: string): ReadonlyMap<string, number> {
  const lines = new Map<string, number>();
  let table: string[] = [];
  let inString: '"""' | "'''" | undefined;
  const rows = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? "";
    if (inString) {
      if (row.includes(inString)) inString = undefined;
      continue;
    }
    const header = HEADER.exec(row);
    if (header?.[1]) {
      table = splitDotted(header[1]);
      const key = table.join(".");
      if (!lines.has(key)) lines.set(key, i + 1);
      continue;
    }
    const key = KEY_LINE.exec(row);
    if (key?.[1]) {
      const path = [...table, ...splitDotted(key[1])].join(".");
      if (!lines.has(path)) lines.set(path, i + 1);
      const rest = row.slice(key[0].length);
      for (const quote of ['"""', "'''"] as const) {
        const at = rest.indexOf(quote);
        if (at !== -1 && rest.indexOf(quote, at + 3) === -1) inString = quote;
      }
    }
  }
  return lines;
}

/** The line of a string literal (a dependency in an array) at or after a given line. */
export function lineOfLiteral(text: string, literal: string, fromLine = 1): number | undefined {
  const rows = text.split(/\r\n|\r|\n/);
  for (let i = Math.max(0, fromLine - 1); i < rows.length; i++) {
    const row = rows[i] ?? "";
    if (row.includes(`"${literal}"`) || row.includes(`'${literal}'`)) return i + 1;
  }
  return undefined;
}
