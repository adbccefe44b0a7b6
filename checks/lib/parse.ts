/**
 * Parsers for the config formats repositories hold (Python's INI dialect is in project-ini.ts), returning either the value or an error
 * with its line, never throwing: a broken file becomes a finding, not a crashed scan.
 */

import { parse as parseTomlText } from "smol-toml";
import { type Document, LineCounter, parseAllDocuments, parseDocument } from "yaml";
import { lineOfOffset } from "../../src/engine/check.js";

/** A parse result: the value, or a one-line error message with its 1-based line when known. */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string; readonly line?: number };

/** A parsed mapping (YAML, JSON, TOML), not a list or a scalar. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Untrusted YAML: aliases are capped so an alias bomb is an error, not a hang. */
const MAX_ALIASES = 100;

/** A YAML document with the means to find a node's line. */
export interface YamlFile {
  readonly value: unknown;
  readonly doc: Document;
  /** 1-based line of the node at this path, or of its nearest ancestor. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** Parse one YAML document (GitHub workflows, pre-commit, compose files). */
export function parseYaml(text: string): Parsed<YamlFile> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
  const first = doc.errors[0];
  if (first)
    return {
      ok: false,
      error: first.message.split("\n")[0] ?? first.message,
      line: counter.linePos(first.pos[0]).line,
    };
  try {
    const value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    return {
      ok: true,
      value: {
        value,
        doc,
        lineOf(path) {
          for (let n = path.length; n >= 0; n--) {
            const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
            if (node && typeof node === "object" && node.range) return counter.linePos(node.range[0]).line;
          }
          return undefined;
        },
      },
    };
  } catch (error) {
    return { ok: false, error: (error as Error).message.split("\n")[0] ?? "invalid YAML" };
  }
}

/** Parse every document of a multi-document YAML stream (Kubernetes manifests). */
export function parseYamlAll(text: string): Parsed<unknown[]> {
  const counter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
  if (!Array.isArray(docs)) return { ok: true, value: [] };
  const values: unknown[] = [];
  for (const doc of docs) {
    const first = doc.errors[0];
    if (first)
      return {
        ok: false,
        error: first.message.split("\n")[0] ?? first.message,
        line: counter.linePos(first.pos[0]).line,
      };
    try {
      values.push(doc.toJS({ maxAliasCount: MAX_ALIASES }));
    } catch (error) {
      return { ok: false, error: (error as Error).message.split("\n")[0] ?? "invalid YAML" };
    }
  }
  return { ok: true, value: values };
}

/** Parse TOML (`pyproject.toml`, `ruff.toml`); smol-toml reports the line of the error. */
export function parseToml(text: string): Parsed<Record<string, unknown>> {
  try {
    return { ok: true, value: parseTomlText(text) as Record<string, unknown> };
  } catch (error) {
    const e = error as Error & { line?: number };
    return {
      ok: false,
      error: (e.message.split("\n")[0] ?? "invalid TOML").trim(),
      ...(typeof e.line === "number" ? { line: e.line } : {}),
    };
  }
}

/** Parse JSON (`package.json`, notebooks); the error carries the line of the failing position. */
export function parseJson(text: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos?.[1] ? text.slice(0, Number(pos[1])).split("\n").length : undefined;
    return { ok: false, error: message, ...(line ? { line } : {}) };
  }
}

/** 1-based line number of a character offset (one implementation, in the check API). */
export { lineOfOffset };

/** 1-based line of the first line containing `needle`, if any. */
export function lineOfText(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  return at === -1 ? undefined : lineOfOffset(text, at);
}
