/**
 * The truncated-tree walk on hand-made answers: which directories a truncated answer covers,
 * and that an answer not shaped like git's pre-order walk is not trusted.
 */
import { describe, expect, it } from "vitest";
import {
  coveredDirectories,
  type DirectoryEntry,
  type GitTree,
  type GitTreeEntry,
  listTree,
} from "../../src/repo/github-tree.js";

const blob = (path: string): GitTreeEntry => ({ path, mode: "100644", type: "blob", sha: `b-${path}`, size: 1 });
const tree = (path: string): GitTreeEntry => ({ path, mode: "040000", type: "tree", sha: `t-${path}` });

describe("coveredDirectories", () => {
  it.each([
    {
      name: "directories the walk moved past are complete; the last entry's path is not",
      entries: [blob("README.md"), tree("a"), blob("a/x"), tree("a/b"), blob("a/b/y"), tree("c"), blob("c/z")],
      covered: ["a", "a/b"],
    },
    {
      name: "a directory listed last, even empty-looking, is not complete",
      entries: [tree("a"), blob("a/x"), tree("b")],
      covered: ["a"],
    },
    {
      name: "nested prefix for a subtree answer",
      entries: [tree("guide"), blob("guide/p.md"), blob("index.md")],
      prefix: "docs/",
      covered: ["docs/guide"],
    },
    {
      name: "an entry whose directory is not open: not pre-order, trust nothing",
      entries: [tree("a"), blob("a/x"), tree("c"), blob("a/y"), blob("c/z")],
      covered: [],
    },
    {
      name: "an entry before its directory: not pre-order",
      entries: [blob("a/x"), tree("a"), blob("b")],
      covered: [],
    },
  ])("$name", ({ entries, prefix, covered }) => {
    expect(coveredDirectories(prefix ?? "", entries)).toEqual(covered);
  });
});

describe("listTree", () => {
  /** A repository of three directories; the recursive root answer is cut after `a/`. */
  const full: Record<string, GitTreeEntry[]> = {
    root: [tree("a"), tree("b"), tree("c"), blob("top.md")],
    "t-a": [blob("x.py")],
    "t-b": [blob("y.py")],
    "t-c": [blob("z.py")],
  };

  function fetcher(rootAnswer: GitTree, log: string[]) {
    return async (sha: string, recursive: boolean): Promise<GitTree> => {
      log.push(`${sha}${recursive ? " -r" : ""}`);
      if (sha === "commit" && recursive) return rootAnswer;
      return { tree: full[sha === "commit" ? "root" : sha] ?? [], truncated: false };
    };
  }

  it("skips directories the truncated answer covered", async () => {
    const log: string[] = [];
    const cut = { tree: [tree("a"), blob("a/x.py"), tree("b"), blob("b/y.py")], truncated: true };
    const { files, note } = await listTree(fetcher(cut, log), "commit", { maxExtraRequests: 20, concurrency: 1 });
    expect(log).toEqual(["commit -r", "commit", "t-b -r", "t-c -r"]);
    expect([...files.keys()].sort()).toEqual(["a/x.py", "b/y.py", "c/z.py", "top.md"]);
    expect(note).toMatchObject({ id: "tree-truncated", level: "info" });
  });

  it("asks for every directory when the truncated answer is not in pre-order", async () => {
    const log: string[] = [];
    const shuffled = { tree: [blob("a/x.py"), tree("a"), tree("b"), blob("b/y.py")], truncated: true };
    const { files } = await listTree(fetcher(shuffled, log), "commit", { maxExtraRequests: 20, concurrency: 1 });
    expect(log).toEqual(["commit -r", "commit", "t-a -r", "t-b -r", "t-c -r"]);
    expect(files.size).toBe(4);
  });

  it("says the top level itself could not be listed when the cap allows no request", async () => {
    const { files, note } = await listTree(fetcher({ tree: [blob("top.md")], truncated: true }, []), "commit", {
      maxExtraRequests: 0,
      concurrency: 1,
    });
    expect([...files.keys()]).toEqual(["top.md"]);
    expect(note).toMatchObject({ level: "warning", message: expect.stringContaining("(the top level)") });
  });

  it("lists in waves when concurrency allows, with the same result", async () => {
    const cut = { tree: [tree("a"), blob("a/x.py")], truncated: true };
    const serial = await listTree(fetcher(cut, []), "commit", { maxExtraRequests: 20, concurrency: 1 });
    const log: string[] = [];
    const parallel = await listTree(fetcher(cut, log), "commit", { maxExtraRequests: 20, concurrency: 4 });
    expect(parallel).toEqual(serial);
    expect(log).toEqual(["commit -r", "commit", "t-a -r", "t-b -r", "t-c -r"]);
  });

  describe("through GraphQL", () => {
    const file = (name: string): DirectoryEntry => ({ name, type: "blob", mode: 0o100644, oid: `b-${name}`, size: 1 });
    const dir = (name: string, entries?: DirectoryEntry[]): DirectoryEntry => ({
      name,
      type: "tree",
      mode: 0o40000,
      oid: `t-${name}`,
      size: 0,
      ...(entries ? { entries } : {}),
    });
    const cut = { tree: [tree("a"), blob("a/x.py"), tree("b")], truncated: true };

    it("lists the root deep, then only the unreached directories the truncated answer did not cover", async () => {
      const asked: string[][] = [];
      const { files, note } = await listTree(fetcher(cut, []), "commit", {
        maxExtraRequests: 20,
        concurrency: 1,
        depth: 1,
        fetchDirectories: async (paths) => {
          asked.push([...paths]);
          return paths.map((p) =>
            p === ""
              ? [dir("a"), dir("b"), dir("c"), file("top.md"), { ...file("run.sh"), mode: 0o100755 }]
              : [file(`${p}.py`)],
          );
        },
      });
      // a/ was covered by the truncated answer; b/ (open when it was cut) and c/ were not.
      expect(asked).toEqual([[""], ["b", "c"]]);
      expect([...files.keys()].sort()).toEqual(["a/x.py", "b/b.py", "c/c.py", "run.sh", "top.md"]);
      expect(files.get("run.sh")?.mode).toBe("executable");
      expect(note).toMatchObject({
        level: "info",
        message: expect.stringContaining("through GraphQL (2 more requests)"),
      });
    });

    it("falls back to the trees API when a GraphQL listing fails, counting what it spent", async () => {
      const log: string[] = [];
      const { files, note } = await listTree(fetcher(cut, log), "commit", {
        maxExtraRequests: 20,
        concurrency: 1,
        fetchDirectories: async () => {
          throw new Error("Something went wrong");
        },
      });
      expect([...files.keys()].sort()).toEqual(["a/x.py", "b/y.py", "c/z.py", "top.md"]);
      expect(log).toEqual(["commit -r", "commit", "t-b -r", "t-c -r"]);
      expect(note?.message).toContain("listing through GraphQL failed: Something went wrong");
      expect(note?.message).toContain("(4 more requests)");
    });

    it("does not fall back when GitHub rate-limited the GraphQL listing: the scan reports it", async () => {
      const limited = Object.assign(new Error("rate limited"), { rateLimited: true });
      await expect(
        listTree(fetcher(cut, []), "commit", {
          maxExtraRequests: 20,
          concurrency: 1,
          fetchDirectories: async () => {
            throw limited;
          },
        }),
      ).rejects.toBe(limited);
    });

    it("stops at the request cap and names what it could not list", async () => {
      const { note } = await listTree(fetcher(cut, []), "commit", {
        maxExtraRequests: 1,
        concurrency: 1,
        depth: 1,
        fetchDirectories: async (paths) => paths.map(() => [dir("b"), dir("c")]),
      });
      expect(note).toMatchObject({ level: "warning", message: expect.stringContaining("(b/, c/)") });
    });
  });
});
