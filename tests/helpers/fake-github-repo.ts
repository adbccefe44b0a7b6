/**
 * The git side of the fake GitHub API: a literal tree (the same `Tree` the check tests use)
 * turned into blobs and trees with real git object ids, listed the way the Git trees API
 * lists them (pre-order, git's name order) and read the way GraphQL `Blob` fields read them.
 */
import { createHash } from "node:crypto";
import type { Tree, TreeEntry } from "./tree.js";

/** A repository to serve: its files and what `GET /repos/:o/:r` says about it. */
export interface FakeRepoSpec {
  readonly files: Tree;
  readonly defaultBranch?: string;
  readonly private?: boolean;
  /** A repository with no commits: the Git API answers 409 "Git Repository is empty." */
  readonly empty?: boolean;
}

/** One entry of a Git trees API answer (without `url`, added by the server). */
export interface FakeTreeEntry {
  readonly path: string;
  readonly mode: string;
  readonly type: "blob" | "tree" | "commit";
  readonly sha: string;
  readonly size?: number;
}

/** A blob's bytes and the size the tree reports (a fixture may declare a size it does not store). */
export interface FakeBlob {
  readonly sha: string;
  readonly bytes: Uint8Array;
  readonly size: number;
}

type Node =
  | { readonly kind: "tree"; readonly name: string; sha: string; readonly children: Map<string, Node> }
  | { readonly kind: "blob"; readonly name: string; readonly mode: string; readonly blob: FakeBlob }
  | { readonly kind: "commit"; readonly name: string; readonly sha: string };

/** GitHub's GraphQL blob text stops here. */
export const GRAPHQL_BLOB_LIMIT = 512_000;

function gitHash(type: string, body: Uint8Array): string {
  return createHash("sha1").update(`${type} ${body.length}\0`).update(body).digest("hex");
}

function blobOf(entry: TreeEntry): { mode: string; blob: FakeBlob } | { submodule: string } | undefined {
  const encode = (text: string) => new TextEncoder().encode(text);
  let bytes: Uint8Array;
  let mode = "100644";
  let size: number | undefined;
  if (typeof entry === "string") bytes = encode(entry);
  else if (entry instanceof Uint8Array) bytes = entry;
  else if (entry.mode === "submodule") return { submodule: gitHash("commit", encode(entry.text ?? "submodule")) };
  else if (entry.mode === "special")
    return undefined; // git cannot store a FIFO or a device
  else {
    bytes = encode(entry.text ?? (entry.mode === "symlink" ? "target" : ""));
    mode = entry.mode === "symlink" ? "120000" : entry.mode === "executable" ? "100755" : "100644";
    size = entry.size;
  }
  return { mode, blob: { sha: gitHash("blob", bytes), bytes, size: size ?? bytes.length } };
}

/** git sorts tree entries by name, a subtree's name compared as if it ended with "/". */
function gitOrder(a: Node, b: Node): number {
  const ka = a.kind === "tree" ? `${a.name}/` : a.name;
  const kb = b.kind === "tree" ? `${b.name}/` : b.name;
  return Buffer.compare(Buffer.from(ka), Buffer.from(kb));
}

/** A GraphQL `GitObject` value for graphql-js: its type name and fields (functions resolve lazily). */
export type GraphqlObject = { readonly __typename: "Blob" | "Tree" } & Record<string, unknown>;

/** git's mode of an entry as GraphQL's `TreeEntry.mode` gives it: the octal mode as a number. */
function modeNumber(node: Node): number {
  const octal = node.kind === "tree" ? "40000" : node.kind === "blob" ? node.mode : "160000";
  return Number.parseInt(octal, 8);
}

function graphqlValue(node: Node, path: string): GraphqlObject | null {
  if (node.kind === "commit") return null; // a submodule's commit is not in this repository
  if (node.kind === "blob") {
    const { bytes, size } = node.blob;
    // git's own heuristic, which GitHub follows: a NUL in the first 8,000 bytes means binary.
    const isBinary = bytes.subarray(0, 8000).includes(0);
    return {
      __typename: "Blob",
      oid: node.blob.sha,
      text: isBinary ? null : new TextDecoder().decode(bytes.subarray(0, GRAPHQL_BLOB_LIMIT)),
      byteSize: size,
      isBinary,
      isTruncated: size > GRAPHQL_BLOB_LIMIT,
    };
  }
  return {
    __typename: "Tree",
    oid: node.sha,
    entries: () =>
      [...node.children.values()].sort(gitOrder).map((child) => {
        const childPath = path ? `${path}/${child.name}` : child.name;
        return {
          name: child.name,
          path: childPath,
          type: child.kind,
          mode: modeNumber(child),
          oid: child.kind === "blob" ? child.blob.sha : child.sha,
          size: child.kind === "blob" ? child.blob.size : 0,
          object: () => graphqlValue(child, childPath),
        };
      }),
  };
}

/** One commit of a fake repository: its trees and blobs by sha, its listings on demand. */
export class FakeCommit {
  readonly sha: string;
  readonly treeSha: string;
  private readonly root: Node & { kind: "tree" };
  private readonly trees = new Map<string, Node & { kind: "tree" }>();
  private readonly blobs = new Map<string, FakeBlob>();
  private readonly listings = new Map<string, FakeTreeEntry[]>();

  constructor(files: Tree) {
    this.root = { kind: "tree", name: "", sha: "", children: new Map() };
    for (const [path, entry] of Object.entries(files)) this.add(path, entry);
    this.treeSha = this.seal(this.root, "");
    this.sha = gitHash("commit", new TextEncoder().encode(`tree ${this.treeSha}\n\nfake commit\n`));
  }

  private add(path: string, entry: TreeEntry): void {
    const parts = path.split("/");
    const name = parts.pop() as string;
    let dir = this.root;
    for (const part of parts) {
      let next = dir.children.get(part);
      if (!next) {
        next = { kind: "tree", name: part, sha: "", children: new Map() };
        dir.children.set(part, next);
      }
      if (next.kind !== "tree") throw new Error(`fake GitHub: ${path} puts a file under the file ${part}`);
      dir = next;
    }
    const made = blobOf(entry);
    if (!made) return;
    if ("submodule" in made) dir.children.set(name, { kind: "commit", name, sha: made.submodule });
    else {
      dir.children.set(name, { kind: "blob", name, mode: made.mode, blob: made.blob });
      this.blobs.set(made.blob.sha, made.blob);
    }
  }

  /** Compute tree ids bottom-up exactly as git does, so shas look and behave like GitHub's. */
  private seal(tree: Node & { kind: "tree" }, path: string): string {
    const parts: Uint8Array[] = [];
    for (const child of [...tree.children.values()].sort(gitOrder)) {
      const sha =
        child.kind === "tree"
          ? this.seal(child, path ? `${path}/${child.name}` : child.name)
          : child.kind === "blob"
            ? child.blob.sha
            : child.sha;
      const mode = child.kind === "tree" ? "40000" : child.kind === "blob" ? child.mode : "160000";
      parts.push(Buffer.from(`${mode} ${child.name}\0`), Buffer.from(sha, "hex"));
    }
    tree.sha = gitHash("tree", Buffer.concat(parts));
    this.trees.set(tree.sha, tree);
    this.pathOf.set(tree.sha, path);
    return tree.sha;
  }

  /** The entries of a tree (by tree sha, or this commit's sha for the root), pre-order when recursive. */
  list(sha: string, recursive: boolean): FakeTreeEntry[] | undefined {
    const tree = sha === this.sha ? this.root : this.trees.get(sha);
    if (!tree) return undefined;
    const key = `${tree.sha}:${recursive}`;
    const cached = this.listings.get(key);
    if (cached) return cached;
    const out: FakeTreeEntry[] = [];
    const walk = (node: Node & { kind: "tree" }, prefix: string) => {
      for (const child of [...node.children.values()].sort(gitOrder)) {
        const path = prefix + child.name;
        if (child.kind === "tree") {
          out.push({ path, mode: "040000", type: "tree", sha: child.sha });
          if (recursive) walk(child, `${path}/`);
        } else if (child.kind === "blob")
          out.push({ path, mode: child.mode, type: "blob", sha: child.blob.sha, size: child.blob.size });
        else out.push({ path, mode: "160000", type: "commit", sha: child.sha });
      }
    };
    walk(tree, "");
    this.listings.set(key, out);
    return out;
  }

  /** Whether `sha` names a tree of this commit (or the commit itself). */
  hasTree(sha: string): boolean {
    return sha === this.sha || this.trees.has(sha);
  }

  /** A blob by its sha. */
  blob(sha: string): FakeBlob | undefined {
    return this.blobs.get(sha);
  }

  /** What sits at `path`: a blob, a directory, a submodule, or nothing. */
  at(path: string): Node | undefined {
    if (path === "" || path === ".") return this.root;
    let node: Node | undefined = this.root;
    for (const part of path.replace(/\/$/, "").split("/")) {
      if (node?.kind !== "tree") return undefined;
      node = node.children.get(part);
    }
    return node;
  }

  /**
   * The GraphQL `GitObject` at `path` (`object(expression: "<sha>:<path>")`), or the tree with
   * this id (`object(oid:)`), as values graphql-js resolves: `__typename` picks the type, and
   * tree entries resolve their `object` lazily. Null when there is nothing there.
   */
  graphqlObject(path: string): GraphqlObject | null {
    const node = this.at(path);
    if (!node) return null;
    const dir = path === "" || path === "." ? "" : path.replace(/\/$/, "");
    return graphqlValue(node, dir);
  }

  /** The GraphQL value of a tree of this commit by its id, or null. */
  graphqlTree(oid: string): GraphqlObject | null {
    const tree = oid === this.treeSha ? this.root : this.trees.get(oid);
    if (!tree) return null;
    const path = this.pathOf.get(tree.sha) ?? "";
    return graphqlValue(tree, path);
  }

  private readonly pathOf = new Map<string, string>();

  /** The directory listing the contents API gives for a tree node. */
  directory(path: string): { name: string; path: string; type: string; sha: string; size: number }[] | undefined {
    const node = this.at(path);
    if (node?.kind !== "tree") return undefined;
    const prefix = path === "" || path === "." ? "" : `${path.replace(/\/$/, "")}/`;
    return [...node.children.values()].sort(gitOrder).map((child) => ({
      name: child.name,
      path: prefix + child.name,
      type: child.kind === "tree" ? "dir" : child.kind === "commit" ? "submodule" : "file",
      sha: child.kind === "blob" ? child.blob.sha : child.sha,
      size: child.kind === "blob" ? child.blob.size : 0,
    }));
  }
}

/** A repository: its commits (every version ever set stays reachable by sha) and its default branch. */
export class FakeRepo {
  readonly id: number;
  readonly owner: string;
  readonly name: string;
  defaultBranch: string;
  private: boolean;
  empty: boolean;
  private readonly commits = new Map<string, FakeCommit>();
  private head: FakeCommit;

  constructor(id: number, fullName: string, spec: FakeRepoSpec) {
    const [owner, name] = fullName.split("/");
    if (!owner || !name) throw new Error(`fake GitHub: repository name must be owner/name, got ${fullName}`);
    this.id = id;
    this.owner = owner;
    this.name = name;
    this.defaultBranch = spec.defaultBranch ?? "main";
    this.private = spec.private ?? false;
    this.empty = spec.empty ?? false;
    this.head = this.commit(spec.files);
    this.empty = spec.empty ?? false;
  }

  /** Make `files` the new head of the default branch; returns its commit. */
  commit(files: Tree): FakeCommit {
    this.empty = false;
    const commit = new FakeCommit(files);
    this.commits.set(commit.sha, commit);
    this.head = commit;
    return commit;
  }

  /** A blob by sha from any commit of this repository. */
  blob(sha: string): FakeBlob | undefined {
    for (const c of this.commits.values()) {
      const b = c.blob(sha);
      if (b) return b;
    }
    return undefined;
  }

  /** The latest commit of the default branch. */
  get latest(): FakeCommit {
    return this.head;
  }

  /** A commit by sha, the default branch's name, `HEAD`, `heads/<branch>`, or a tree sha of a known commit. */
  resolve(rev: string): FakeCommit | undefined {
    if (this.empty) return undefined;
    const name = rev.replace(/^refs\//, "").replace(/^heads\//, "");
    if (name === this.defaultBranch || name === "HEAD") return this.head;
    const exact = this.commits.get(rev);
    if (exact) return exact;
    for (const c of this.commits.values()) if (c.hasTree(rev)) return c;
    return undefined;
  }
}
