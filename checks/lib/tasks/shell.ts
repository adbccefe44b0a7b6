/**
 * Shell scripts as CI writes them: split into single commands (newlines, `&&`, `||`, `;`, `|`),
 * words with quotes removed, and the wrappers (`uv run`, `poetry run`, `python -m`, `npx`,
 * `sudo`, `FOO=bar`) peeled off so `uv run python -m pytest -x` reads as `pytest -x`.
 */

/** One command of a script and the 1-based line it starts on. */
export interface ScriptLine {
  readonly text: string;
  readonly line: number;
  /** Its failure is swallowed: `pytest || true`, `ruff check . || exit 0`. */
  readonly failureIgnored?: boolean;
}

/** A task of some runner (a make target, an npm script, a tox env): its commands and dependencies. */
export interface TaskDef {
  readonly path: string;
  readonly line: number;
  readonly commands: readonly ScriptLine[];
  /** Tasks of the same runner that run first (make prerequisites, just dependencies, Taskfile deps). */
  readonly deps: readonly string[];
  /** Folder the commands run in ("" for the repository root). */
  readonly dir: string;
}

const KEYWORDS = new Set(["if", "then", "else", "elif", "do", "while", "until", "!", "{", "(", "time", "exec"]);
const CLOSERS = new Set(["fi", "done", "esac", "}", ")", ";;", "then", "else", "do"]);

/**
 * Split a script into its commands. Quotes, `$(...)`, comments, backslash continuations and
 * here-documents (whose bodies are data, not commands) are respected.
 */
export function splitScript(text: string, firstLine: number): ScriptLine[] {
  const out: ScriptLine[] = [];
  let current = "";
  let startLine = firstLine;
  let line = firstLine;
  let quote: "'" | '"' | "`" | undefined;
  let depth = 0;
  let heredocs: string[] = [];
  const out2: { text: string; line: number; sep?: string }[] = [];
  const flush = (sep?: string): void => {
    const t = current.trim();
    if (t) out2.push({ text: t, line: startLine, ...(sep ? { sep } : {}) });
    current = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === "\n") {
      line++;
      if (quote === undefined && depth === 0) {
        flush();
        if (heredocs.length > 0) {
          // Skip here-document bodies up to their closing words.
          while (heredocs.length > 0 && i < text.length) {
            const end = text.indexOf("\n", i + 1);
            const row = text.slice(i + 1, end === -1 ? text.length : end).trim();
            i = end === -1 ? text.length : end;
            if (end !== -1) line++;
            if (row === heredocs[0]) heredocs = heredocs.slice(1);
          }
        }
      } else current += c;
      if (current === "") startLine = line;
      continue;
    }
    if (current.trim() === "") startLine = line;
    if (quote) {
      if (c === "\\" && quote !== "'" && next !== undefined) {
        current += c + next;
        if (next === "\n") line++;
        i++;
      } else {
        if (c === quote) quote = undefined;
        current += c;
      }
      continue;
    }
    if (c === "\\" && next === "\n") {
      current += " ";
      line++;
      i++;
      continue;
    }
    if (c === "\\" && next !== undefined) {
      current += c + next;
      i++;
      continue;
    }
    if (c === "'" || c === '"' || c === "`") {
      quote = c;
      current += c;
      continue;
    }
    if (c === "#" && (current === "" || /[\s;&|(]$/.test(current))) {
      while (i + 1 < text.length && text[i + 1] !== "\n") i++;
      continue;
    }
    if (c === "$" && next === "(") {
      depth++;
      current += "$(";
      i++;
      continue;
    }
    if (depth > 0) {
      if (c === "(") depth++;
      if (c === ")") depth--;
      current += c;
      continue;
    }
    if (c === "<" && next === "<" && text[i + 2] !== "<") {
      const m = /^<<-?\s*(['"]?)([A-Za-z_][\w-]*)\1/.exec(text.slice(i));
      if (m?.[2]) heredocs.push(m[2]);
    }
    if (c === ";" || c === "|" || (c === "&" && next !== ">" && !/[<>]$/.test(current))) {
      flush(next === c ? c + c : c);
      if ((c === "|" || c === "&" || c === ";") && next === c) i++;
      startLine = line;
      continue;
    }
    current += c;
  }
  flush();
  out2.forEach((s, i) => {
    // `cmd || true` (or `|| :`, `|| exit 0`, `|| echo ...`) makes CI pass whatever cmd does.
    const swallowed = s.sep === "||" && /^(true|:|exit 0|echo\b.*)$/.test(out2[i + 1]?.text ?? "");
    out.push({ text: stripKeywords(s.text), line: s.line, ...(swallowed ? { failureIgnored: true } : {}) });
  });
  return out.filter((s) => s.text !== "");
}

/** Drop shell keywords that lead a command (`if`, `then`, `do`, `!`) and lines that are only syntax. */
function stripKeywords(text: string): string {
  let t = text;
  for (;;) {
    const m = /^(\S+)(\s+|$)/.exec(t);
    const word = m?.[1];
    if (!m || word === undefined) return t;
    if (KEYWORDS.has(word)) t = t.slice(m[0].length);
    else if (CLOSERS.has(word) || /^(for|case|function|select)$/.test(word) || /^[\w*|.-]+\)$/.test(word))
      return /^[\w*|.-]+\)$/.test(word) ? t.slice(m[0].length) : "";
    else if (/^\w+\(\)$/.test(word) || /^\w+=\($/.test(word)) return "";
    else return t;
  }
}

/** The words of one command, quotes removed, redirections dropped. */
export function wordsOf(command: string): string[] {
  const words: string[] = [];
  let word = "";
  let has = false;
  let quote: "'" | '"' | undefined;
  // `$(git log -1)` and backticks are one word, spaces and all.
  let depth = 0;
  for (let i = 0; i < command.length; i++) {
    const c = command[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === "\\" && quote === '"' && i + 1 < command.length) word += command[++i];
      else word += c;
      continue;
    }
    if (c === "$" && command.startsWith("{{", i + 1)) {
      // A GitHub expression: `${{ matrix.target }}` is one word.
      const end = command.indexOf("}}", i);
      const stop = end === -1 ? command.length : end + 2;
      word += command.slice(i, stop);
      i = stop - 1;
      continue;
    }
    if (c === "$" && command[i + 1] === "(" && depth === 0) {
      depth = 1;
      word += "$(";
      i++;
      continue;
    }
    if (depth > 0) {
      if (c === "(") depth++;
      else if (c === ")") depth--;
      word += c;
      continue;
    }
    if (c === "`") {
      const end = command.indexOf("`", i + 1);
      const stop = end === -1 ? command.length : end + 1;
      word += command.slice(i, stop);
      i = stop - 1;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      has = true;
    } else if (/\s/.test(c)) {
      if (has || word) words.push(word);
      word = "";
      has = false;
    } else if (c === "\\" && i + 1 < command.length) {
      word += command[++i];
    } else word += c;
  }
  if (has || word) words.push(word);
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (/^(\d*|&)>>?$|^<$|^\d*<$/.test(w)) {
      i++; // the redirection's target
      continue;
    }
    if (/^(\d*|&)>>?\S|^<\S|^\d+>&\d+$/.test(w)) continue;
    kept.push(w);
  }
  return kept;
}

/** Options that take a value, per wrapper, so the wrapped command is found after them. */
const VALUE_OPTIONS: Record<string, RegExp> = {
  uv: /^(--with|--with-requirements|--with-editable|--extra|--group|--only-group|--python|-p|--package|--directory|--project|--env-file|--index|--index-url|--extra-index-url|--from)$/,
  pipx: /^(--spec|--python|--pip-args)$/,
  npx: /^(-p|--package|-c|--call)$/,
  conda: /^(-n|--name|-p|--prefix|--cwd)$/,
  timeout: /^(-s|--signal|-k|--kill-after)$/,
  xvfb: /^(-s|--server-args|-n|--server-num|-e|--error-file|-f|--auth-file|-w|--wait)$/,
  sudo: /^(-u|-g|-C|-D|-h|-p|-r|-t|-U)$/,
  env: /^(-u|--unset|-C|--chdir|-S|--split-string)$/,
  python: /^(-W|-X|-Q)$/,
};

const PYTHON = /^(python[\d.]*|py|pypy3?|\$\{?PYTHON\}?|\$\(PYTHON\)|\$\{?PY\}?)$/i;

/** Skip a wrapper's options; `-m`/`--` style stops are left to the caller. */
function skipOptions(words: string[], from: number, valued: RegExp): number {
  let i = from;
  while (i < words.length) {
    const w = words[i] as string;
    if (w === "--") return i + 1;
    if (!w.startsWith("-") || w === "-") return i;
    i += valued.test(w) ? 2 : 1;
  }
  return i;
}

/** The program and arguments once wrappers are peeled off: `poetry run python -m pytest` -> `pytest`. */
export function unwrap(input: readonly string[]): string[] {
  let w = [...input];
  for (let round = 0; round < 12 && w.length > 0; round++) {
    const [a = "", b = ""] = w;
    const base = a.replace(/^.*\/(?=[^/]+$)/, "");
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) w = w.slice(1);
    else if (a === "sudo") w = w.slice(skipOptions(w, 1, VALUE_OPTIONS.sudo as RegExp));
    else if (a === "env") {
      let i = skipOptions(w, 1, VALUE_OPTIONS.env as RegExp);
      while (i < w.length && /^[A-Za-z_]\w*=/.test(w[i] as string)) i++;
      w = w.slice(i);
    } else if (a === "cross-env" || a === "cross-env-shell") {
      let i = 1;
      while (i < w.length && /^[A-Za-z_]\w*=/.test(w[i] as string)) i++;
      w = w.slice(i);
    } else if (a === "dotenv" || a === "env-cmd")
      w = w.slice(skipOptions(w, 1, /^(-e|-f|-c|--file|--environments|-v)$/));
    else if (a === "bundle" && b === "exec") w = w.slice(2);
    else if (/^(time|nice|nohup|command|builtin|exec|catchsegv)$/.test(a)) w = w.slice(1);
    else if (a === "timeout") w = w.slice(skipOptions(w, 1, VALUE_OPTIONS.timeout as RegExp) + 1);
    else if (a === "xvfb-run") w = w.slice(skipOptions(w, 1, VALUE_OPTIONS.xvfb as RegExp));
    else if ((a === "uv" && (b === "run" || b === "tool")) || a === "uvx") {
      const start = a === "uvx" ? 1 : b === "tool" && w[2] === "run" ? 3 : 2;
      w = w.slice(skipOptions(w, start, VALUE_OPTIONS.uv as RegExp));
    } else if (a === "pipx" && b === "run") w = w.slice(skipOptions(w, 2, VALUE_OPTIONS.pipx as RegExp));
    else if (/^(poetry|pipenv|rye|pdm|hatch|pixi)$/.test(a) && b === "run") w = w.slice(skipOptions(w, 2, /^$/));
    else if (/^(conda|mamba|micromamba)$/.test(a) && b === "run")
      w = w.slice(skipOptions(w, 2, VALUE_OPTIONS.conda as RegExp));
    else if (a === "npx" || a === "bunx" || (a === "npm" && b === "exec"))
      w = w.slice(skipOptions(w, a === "npm" ? 2 : 1, VALUE_OPTIONS.npx as RegExp));
    else if ((a === "pnpm" || a === "yarn") && (b === "exec" || b === "dlx")) w = w.slice(skipOptions(w, 2, /^$/));
    else if (a === "bun" && b === "x") w = w.slice(2);
    else if (PYTHON.test(base)) {
      const i = skipOptions(w, 1, VALUE_OPTIONS.python as RegExp);
      const flagM = w.findIndex((x, j) => j >= 1 && j < i && x === "-m");
      // `python -m pytest`: skipOptions stops past `-m` only when it is last; find it by hand.
      const m = flagM !== -1 ? flagM : w[i] === "-m" ? i : -1;
      if (m !== -1 && w[m + 1] !== undefined) w = w.slice(m + 1);
      else return normaliseProgram(w);
    } else return normaliseProgram(w);
  }
  return normaliseProgram(w);
}

/** Where installed tools live: virtual environments, node_modules/.bin, absolute system paths. */
const TOOL_PATH =
  /(^|\/)(\.?venv[^/]*|env|\.tox\/[^/]+)\/(bin|Scripts)\/[^/]+$|node_modules\/\.bin\/[^/]+$|^\$\{?\w+\}?\/bin\/[^/]+$|^~?\/.*\/bin\/[^/]+$/;

/** `.venv/bin/pytest` and `./node_modules/.bin/jest` are `pytest` and `jest`; `$(MAKE)` is make. */
function normaliseProgram(w: string[]): string[] {
  const [a] = w;
  if (a === undefined) return w;
  if (TOOL_PATH.test(a)) return [a.replace(/^.*\//, "").replace(/\.exe$/, ""), ...w.slice(1)];
  if (/^\$[({]?MAKE[)}]?$/.test(a) || a === "gmake") return ["make", ...w.slice(1)];
  return w;
}

/** Resolve a folder against another: `joinDir("api", "../web")` is `web`. GitHub expressions are dropped. */
export function joinDir(base: string, dir: string): string {
  const cleaned = dir
    .replace(/\$\{\{\s*github\.workspace\s*\}\}\/?/g, "")
    .replace(/^\$\{?GITHUB_WORKSPACE\}?\/?/, "")
    .replace(/^~\/?/, "");
  const parts = cleaned.startsWith("/") ? [] : base.split("/").filter(Boolean);
  for (const p of cleaned.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return parts.join("/");
}

/** `dir/name`, or `name` at the root. */
export function inDir(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}
