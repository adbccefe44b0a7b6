import { execFileSync } from "node:child_process";
import { chmodSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LocalSource } from "../../src/repo/local.js";
import { writeTree } from "../helpers/disk.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});
function tree(files: Record<string, string | Uint8Array>) {
  const t = writeTree(files);
  cleanups.push(t.cleanup);
  return t.dir;
}

describe("LocalSource.list", () => {
  it("lists files sorted with sizes and modes, skipping .git", async () => {
    const dir = tree({ "b.py": "print(1)\n", "a/c.txt": "hi", ".git/config": "[core]", "run.sh": "#!/bin/sh\n" });
    chmodSync(join(dir, "run.sh"), 0o755);
    const listing = await new LocalSource(dir).list();
    expect(listing.files).toEqual([
      { path: "a/c.txt", size: 2, mode: "file" },
      { path: "b.py", size: 9, mode: "file" },
      { path: "run.sh", size: 10, mode: "executable" },
    ]);
    expect(listing.identity.source).toBe("local");
  });

  it("honours nested .gitignore files and negations, and can be told not to", async () => {
    const dir = tree({
      ".gitignore": "node_modules/\n*.log\n!keep.log\n",
      "node_modules/x/index.js": "",
      "a.log": "",
      "keep.log": "",
      "pkg/.gitignore": "secret.txt\n",
      "pkg/secret.txt": "",
      "pkg/ok.txt": "",
    });
    const paths = (await new LocalSource(dir).list()).files.map((f) => f.path);
    expect(paths).toEqual([".gitignore", "keep.log", "pkg/.gitignore", "pkg/ok.txt"]);
    const all = (await new LocalSource(dir, { gitignore: false }).list()).files.map((f) => f.path);
    expect(all).toContain("node_modules/x/index.js");
  });

  it("still lists files git tracks even when .gitignore excludes them (a committed .env)", async () => {
    const dir = tree({ ".gitignore": ".env\n", ".env": "SECRET=1\n", "a.py": "" });
    execFileSync("git", ["init", "-q", dir]);
    execFileSync("git", ["-C", dir, "add", "-f", ".env", "a.py", ".gitignore"]);
    const paths = (await new LocalSource(dir).list()).files.map((f) => f.path);
    expect(paths).toEqual([".env", ".gitignore", "a.py"]);
  });

  it("does not follow symlinks: loops, links out of the folder and broken links become notes", async () => {
    const dir = tree({ "a.py": "" });
    symlinkSync("loop2", join(dir, "loop1"));
    symlinkSync("loop1", join(dir, "loop2"));
    symlinkSync("/etc", join(dir, "etc"));
    symlinkSync("missing", join(dir, "dangling"));
    symlinkSync(".", join(dir, "self"));
    const listing = await new LocalSource(dir).list();
    expect(listing.files.filter((f) => f.mode === "symlink").map((f) => f.path)).toEqual([
      "dangling",
      "etc",
      "loop1",
      "loop2",
      "self",
    ]);
    expect(listing.notes.map((n) => n.id).sort()).toEqual([
      "symlink-broken",
      "symlink-loop",
      "symlink-loop",
      "symlink-outside",
    ]);
    const read = await new LocalSource(dir).read(["etc", "loop1"]);
    expect(read.get("etc")).toMatchObject({ kind: "unread" });
  });

  it("lists a FIFO without opening it", async () => {
    const dir = tree({ "a.py": "" });
    execFileSync("mkfifo", [join(dir, "pipe")]);
    const source = new LocalSource(dir);
    const listing = await source.list();
    expect(listing.files.find((f) => f.path === "pipe")?.mode).toBe("special");
    expect(listing.notes.map((n) => n.id)).toContain("special-file");
    // Even asked directly, reading never blocks on it.
    expect((await source.read(["pipe"])).get("pipe")).toMatchObject({ kind: "unread" });
  });

  it("never reads a file over the cap, such as a 1 GB sparse file", async () => {
    const dir = tree({ "a.py": "" });
    writeFileSync(join(dir, "huge.bin"), "");
    truncateSync(join(dir, "huge.bin"), 1024 ** 3);
    const source = new LocalSource(dir);
    const listing = await source.list();
    expect(listing.files.find((f) => f.path === "huge.bin")?.size).toBe(1024 ** 3);
    expect((await source.read(["huge.bin"])).get("huge.bin")).toMatchObject({ kind: "unread", reason: "too_large" });
  });

  it("rejects a path that is not a directory", async () => {
    await expect(new LocalSource("/definitely/not/here").list()).rejects.toThrow(/not a directory/);
  });
});

describe("LocalSource.read", () => {
  it("decodes UTF-8 with a BOM, UTF-16LE and UTF-16BE, and detects binary", async () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("numpy==1.26.4\n", "utf16le")]);
    const utf16be = Buffer.from([0xfe, 0xff, ...Buffer.from("pandas\n", "utf16le").swap16()]);
    const dir = tree({
      "bom.txt": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("hello")]),
      "le.txt": utf16le,
      "be.txt": utf16be,
      "README.md": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    });
    const read = await new LocalSource(dir).read(["bom.txt", "le.txt", "be.txt", "README.md", "gone.txt"]);
    expect(read.get("bom.txt")).toMatchObject({ kind: "text", text: "hello" });
    expect(read.get("le.txt")).toMatchObject({ kind: "text", text: "numpy==1.26.4\n", encoding: "utf-16le" });
    expect(read.get("be.txt")).toMatchObject({ kind: "text", text: "pandas\n", encoding: "utf-16be" });
    expect(read.get("README.md")).toEqual({ kind: "unread", reason: "binary" });
    expect(read.get("gone.txt")).toMatchObject({ kind: "unread", reason: "unreadable" });
  });

  it("refuses paths that climb out of the folder", async () => {
    const dir = tree({ "a.txt": "x" });
    expect((await new LocalSource(dir).read(["../a.txt"])).get("../a.txt")).toMatchObject({
      kind: "unread",
      reason: "unreadable",
    });
  });
});
