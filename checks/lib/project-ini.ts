/**
 * Python's INI dialect (configparser, as setuptools, tox, flake8 and coverage.py read it), with
 * lines. The `ini` package is not enough here: it splits the indented continuation lines of
 * `install_requires =` into bogus keys, and reads `fail_under: 90` as a key with no value.
 */

/** One `[section]` with its keys (lower-cased, as configparser does) and where each was set. */
export interface IniSection {
  readonly name: string;
  /** 1-based line of the `[section]` header. */
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
  readonly lines: Readonly<Record<string, number>>;
  /** Each non-empty line of each value with its line (the items of `install_requires`). */
  readonly items: Readonly<Record<string, readonly { readonly text: string; readonly line: number }[]>>;
}

/** A parsed file: its sections in order, and the first syntax error if there was one. */
export interface IniFile {
  readonly sections: readonly IniSection[];
  readonly error?: { readonly message: string; readonly line: number };
}

const SECTION = /^\[([^\]]+)\]\s*(?:[;#].*)?$/;
const OPTION = /^([^=:\s][^=:]*?)\s*[=:]\s?(.*)$/;

/**
 * Cut an inline ` # comment` (tox drops them, and numbers such as `fail_under = 80  # bar` must
 * read as 80). ` ;` stays: it starts a PEP 508 marker in `install_requires`.
 */
function stripInline(value: string): string {
  const m = /\s#/.exec(value);
  return (m ? value.slice(0, m.index) : value).trim();
}

/** Parse configparser-style INI. Never throws; keeps what it read up to the first error. */
export function parsePythonIni(text: string): IniFile {
  const sections: {
    name: string;
    line: number;
    values: Record<string, string>;
    lines: Record<string, number>;
    items: Record<string, { text: string; line: number }[]>;
  }[] = [];
  let current: (typeof sections)[number] | undefined;
  let lastKey: string | undefined;
  let error: IniFile["error"];
  const rows = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < rows.length; i++) {
    const raw = rows[i] ?? "";
    const lineNo = i + 1;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith(";")) {
      // A blank line inside a multi-line value is kept by configparser; a comment line is not.
      continue;
    }
    const indented = /^\s/.test(raw);
    if (indented && current && lastKey !== undefined) {
      const prev = current.values[lastKey] ?? "";
      const piece = stripInline(trimmed);
      current.values[lastKey] = prev === "" ? piece : `${prev}\n${piece}`;
      if (piece !== "") current.items[lastKey]?.push({ text: piece, line: lineNo });
      continue;
    }
    const header = SECTION.exec(trimmed);
    if (header?.[1] !== undefined) {
      const name = header[1].trim();
      current = sections.find((s) => s.name === name);
      if (!current) {
        current = { name, line: lineNo, values: {}, lines: {}, items: {} };
        sections.push(current);
      }
      lastKey = undefined;
      continue;
    }
    const option = OPTION.exec(trimmed);
    if (!current) {
      error ??= { message: "File contains no section headers before this line", line: lineNo };
      break;
    }
    if (!option?.[1]) {
      error ??= {
        message: `Line is not a section, an option or a continuation: ${trimmed.slice(0, 60)}`,
        line: lineNo,
      };
      break;
    }
    const key = option[1].trim().toLowerCase();
    const value = stripInline(option[2] ?? "");
    current.values[key] = value;
    current.lines[key] = lineNo;
    current.items[key] = value === "" ? [] : [{ text: value, line: lineNo }];
    lastKey = key;
  }
  return error ? { sections, error } : { sections };
}

/** The non-empty lines of a multi-line INI value (`install_requires`, `commands`). */
export function iniLines(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split("\n")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
