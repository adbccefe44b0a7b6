/**
 * Directory listings through GitHub's GraphQL API, for a tree the REST API truncated: one
 * query lists many directories (one alias each, `"<sha>:<path>"` as a variable so a path can
 * never change the query), each `depth` levels down through `TreeEntry.object`.
 */
import type { DirectoryEntry } from "./github-tree.js";

/** The fields asked of every entry. `mode` is git's octal mode as a number (33188 is 100644). */
const ENTRY_FIELDS = "name type mode oid size";

function entries(depth: number): string {
  const below = depth > 1 ? ` object { ... on Tree { ${entries(depth - 1)} } }` : "";
  return `entries { ${ENTRY_FIELDS}${below} }`;
}

/** The GraphQL document listing `count` directories `depth` levels deep: `$owner`, `$name`, `$e0`.. */
export function directoriesQuery(count: number, depth: number): string {
  const declared = ["$owner: String!", "$name: String!"];
  const fields: string[] = [];
  for (let i = 0; i < count; i++) {
    declared.push(`$e${i}: String!`);
    fields.push(`d${i}: object(expression: $e${i}) { ... on Tree { ${entries(depth)} } }`);
  }
  return `query ListDirectories(${declared.join(", ")}) {\n  repository(owner: $owner, name: $name) {\n    ${fields.join("\n    ")}\n  }\n}`;
}

/** One entry as GitHub answers it. */
interface EntryNode {
  readonly name?: unknown;
  readonly type?: unknown;
  readonly mode?: unknown;
  readonly oid?: unknown;
  readonly size?: unknown;
  readonly object?: { readonly entries?: readonly EntryNode[] | null } | null;
}

function toEntry(node: EntryNode): DirectoryEntry | undefined {
  if (typeof node.name !== "string" || typeof node.type !== "string" || typeof node.mode !== "number") return undefined;
  const below = node.object?.entries;
  return {
    name: node.name,
    type: node.type,
    mode: node.mode,
    oid: typeof node.oid === "string" ? node.oid : undefined,
    size: typeof node.size === "number" ? node.size : 0,
    ...(Array.isArray(below) ? { entries: toEntries(below) } : {}),
  };
}

function toEntries(nodes: readonly EntryNode[]): DirectoryEntry[] {
  const out: DirectoryEntry[] = [];
  for (const n of nodes) {
    const e = toEntry(n);
    if (e) out.push(e);
  }
  return out;
}

/** The entries of each directory asked for, in order; null where GitHub has no directory there. */
export function directoriesAnswer(
  repository: Readonly<Record<string, { readonly entries?: readonly EntryNode[] | null } | null>> | null | undefined,
  count: number,
): (DirectoryEntry[] | null)[] {
  return Array.from({ length: count }, (_, i) => {
    const node = repository?.[`d${i}`];
    return Array.isArray(node?.entries) ? toEntries(node.entries) : null;
  });
}
