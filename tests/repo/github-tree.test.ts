/**
 * The truncated-tree walk on hand-made answers: which directories a truncated answer covers,
 * and that an answer not shaped like git's pre-order walk is not trusted.
 */
import { describe, expect, it } from "vitest";
import { coveredDirectories, type GitTree, type GitTreeEntry, listTree } from "../../src/repo/github-tree.js";

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
    const { files, note } = await listTree(fetcher(cut, log), "commit", 20, 1);
    expect(log).toEqual(["commit -r", "commit", "t-b -r", "t-c -r"]);
    expect([...files.keys()].sort()).toEqual(["a/x.py", "b/y.py", "c/z.py", "top.md"]);
    expect(note).toMatchObject({ id: "tree-truncated", level: "info" });
  });

  it("asks for every directory when the truncated answer is not in pre-order", async () => {
    const log: string[] = [];
    const shuffled = { tree: [blob("a/x.py"), tree("a"), tree("b"), blob("b/y.py")], truncated: true };
    const { files } = await listTree(fetcher(shuffled, log), "commit", 20, 1);
    expect(log).toEqual(["commit -r", "commit", "t-a -r", "t-b -r", "t-c -r"]);
    expect(files.size).toBe(4);
  });

  it("says the top level itself could not be listed when the cap allows no request", async () => {
    const { files, note } = await listTree(fetcher({ tree: [blob("top.md")], truncated: true }, []), "commit", 0, 1);
    expect([...files.keys()]).toEqual(["top.md"]);
    expect(note).toMatchObject({ level: "warning", message: expect.stringContaining("(the top level)") });
  });

  it("lists in waves when concurrency allows, with the same result", async () => {
    const cut = { tree: [tree("a"), blob("a/x.py")], truncated: true };
    const serial = await listTree(fetcher(cut, []), "commit", 20, 1);
    const log: string[] = [];
    const parallel = await listTree(fetcher(cut, log), "commit", 20, 4);
    expect(parallel).toEqual(serial);
    expect(log).toEqual(["commit -r", "commit", "t-a -r", "t-b -r", "t-c -r"]);
  });
});
