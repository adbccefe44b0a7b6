/**
 * Where JavaScript/TypeScript code reads environment variables (`process.env`, `import.meta.env`),
 * found in the parser's tokens so the words inside a string, a regex or a comment never count.
 */
import { type ParserPlugin, parse } from "@babel/parser";

interface BabelToken {
  readonly type: { readonly label: string } | string;
  readonly value?: unknown;
  readonly loc?: { readonly start: { readonly line: number } };
}

function pluginsFor(path: string): ParserPlugin[] {
  return /\.[cm]?ts$/.test(path) ? ["typescript", "decorators-legacy"] : ["typescript", "jsx", "decorators-legacy"];
}

const label = (t: BabelToken | undefined): string | undefined => (typeof t?.type === "string" ? t.type : t?.type.label);

/** The 1-based line of the first environment read in the file, if any. */
export function jsEnvRead(text: string, path: string): { line: number; detail: string } | undefined {
  // Most files never mention it: only those that do are tokenized.
  if (!text.includes("process.env") && !text.includes("import.meta.env")) return undefined;
  let tokens: readonly BabelToken[];
  try {
    const file = parse(text, {
      sourceType: "unambiguous",
      errorRecovery: true,
      tokens: true,
      plugins: pluginsFor(path),
    });
    tokens = ((file as unknown as { tokens?: BabelToken[] }).tokens ?? []) as BabelToken[];
  } catch {
    return undefined;
  }
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [a, dot, b] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (label(dot) !== "." || label(b) !== "name" || b?.value !== "env") continue;
    const head =
      label(a) === "name" && a?.value === "process"
        ? "process.env"
        : label(a) === "name" && a?.value === "meta" && label(tokens[i - 2]) === "import"
          ? "import.meta.env"
          : undefined;
    if (head) return { line: a?.loc?.start.line ?? 1, detail: head };
  }
  return undefined;
}
