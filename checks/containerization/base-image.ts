/**
 * How well a base image is pinned, and whether it has reached end of life.
 * The table is dated: it lists releases whose upstream support had ended by the start of 2025,
 * so that a base image is called end-of-life only when no reviewer would dispute it.
 */
import type { ImageRef } from "../lib/dockerfile.js";

/** digest: `@sha256:` (best); tag: a version tag; floating: a moving alias (`lts`, `slim`); latest/untagged: none. */
export type PinLevel = "digest" | "tag" | "floating" | "latest" | "untagged" | "unresolved" | "scratch";

// Tags that move to a new release by design. The first dash segment decides: `lts-alpine3.20`
// still floats the Node version even though it names an Alpine release.
const FLOATING = new Set([
  "latest",
  "lts",
  "current",
  "stable",
  "rolling",
  "devel",
  "edge",
  "nightly",
  "mainline",
  "main",
  "master",
]);
// Distributions whose codenames are releases: `debian:bookworm`, `ubuntu:jammy` are pinned.
const CODENAME_IMAGES = new Set(["debian", "ubuntu"]);

/** The last path segment of an image name: `nvidia/cuda` -> `cuda`, `library/python` -> `python`. */
export function imageFamily(image: ImageRef): string {
  return image.name.slice(image.name.lastIndexOf("/") + 1);
}

/** How the base image is pinned. */
export function pinLevel(image: ImageRef): PinLevel {
  if (image.name === "scratch") return "scratch";
  if (image.unresolved) return "unresolved";
  if (image.digest) return "digest";
  const tag = image.tag?.toLowerCase();
  if (!tag) return "untagged";
  if (tag === "latest") return "latest";
  if (FLOATING.has(tag.split("-")[0] ?? "")) return "floating";
  if (!/\d/.test(tag) && !CODENAME_IMAGES.has(imageFamily(image))) return "floating";
  return "tag";
}

/** End-of-life releases by name, with the date support ended (shown to the user). */
const EOL_CODENAMES: Readonly<Record<string, string>> = {
  wheezy: "Debian 7 (2018)",
  jessie: "Debian 8 (2020)",
  stretch: "Debian 9 (2022)",
  buster: "Debian 10 (2024)",
  trusty: "Ubuntu 14.04 (2019)",
  xenial: "Ubuntu 16.04 (2021)",
  bionic: "Ubuntu 18.04 (2023)",
};

// Odd-numbered Node.js releases never become LTS and end six months after release.
const NODE_EOL: Readonly<Record<number, string>> = {
  17: "2022",
  18: "April 2025",
  19: "2023",
  20: "April 2026",
  21: "2024",
  23: "June 2025",
};

function pythonEol(major: number, minor: number | undefined): string | undefined {
  if (major === 2) return "Python 2 (2020)";
  if (major === 3 && minor !== undefined && minor <= 9) {
    const year = { 0: 2011, 1: 2012, 2: 2016, 3: 2017, 4: 2019, 5: 2020, 6: 2021, 7: 2023, 8: 2024, 9: 2025 }[minor];
    return `Python 3.${minor} (${year})`;
  }
  return undefined;
}

function nodeEol(major: number): string | undefined {
  if (major <= 16) return `Node.js ${major}`;
  const year = NODE_EOL[major];
  return year ? `Node.js ${major} (${year})` : undefined;
}

function ubuntuEol(version: string): string | undefined {
  const m = /^(\d{2})\.(\d{2})$/.exec(version);
  if (!m) return undefined;
  const year = Number(m[1]);
  const lts = m[2] === "04" && year % 2 === 0;
  // LTS releases get five years of standard support; interim releases nine months.
  if (lts ? year <= 18 : year <= 23) return `Ubuntu ${version}`;
  return undefined;
}

function alpineEol(minor: number): string | undefined {
  return minor <= 17 ? `Alpine 3.${minor}` : undefined;
}

/** The end-of-life release a base image runs on, if any (`python:3.7-slim-buster` -> Python 3.7). */
export function endOfLife(image: ImageRef): string | undefined {
  const family = imageFamily(image);
  const tag = (image.tag ?? "").toLowerCase();
  const version = /^(\d+)(?:\.(\d+))?/.exec(tag);
  const major = version ? Number(version[1]) : undefined;
  const minor = version?.[2] !== undefined ? Number(version[2]) : undefined;
  if (major !== undefined) {
    if (family === "python" || family === "pypy") {
      const eol = pythonEol(major, minor);
      if (eol) return eol;
    }
    if (family === "node") {
      const eol = nodeEol(major);
      if (eol) return eol;
    }
    if (family === "ubuntu" && minor !== undefined) {
      const eol = ubuntuEol(`${version?.[1]}.${version?.[2]}`);
      if (eol) return eol;
    }
    if (family === "debian" && major <= 10) return `Debian ${major}`;
    if (family === "alpine" && major === 3 && minor !== undefined) {
      const eol = alpineEol(minor);
      if (eol) return eol;
    }
    if (family === "tensorflow" && major === 1) return "TensorFlow 1.x";
  }
  if (family === "centos") return "CentOS (all releases)";
  // Versions named inside other images' tags: `python3.7`, `ubuntu18.04`, `-buster`, `alpine3.12`.
  const embedded = /python-?(\d)\.(\d+)/.exec(tag);
  if (embedded) {
    const eol = pythonEol(Number(embedded[1]), Number(embedded[2]));
    if (eol) return eol;
  }
  const ubuntu = /ubuntu-?(\d{2}\.\d{2})/.exec(tag);
  if (ubuntu?.[1]) {
    const eol = ubuntuEol(ubuntu[1]);
    if (eol) return eol;
  }
  const alpine = /alpine3\.(\d+)/.exec(tag);
  if (alpine) {
    const eol = alpineEol(Number(alpine[1]));
    if (eol) return eol;
  }
  for (const segment of tag.split(/[-_.]/)) {
    const eol = EOL_CODENAMES[segment];
    if (eol) return eol;
  }
  return undefined;
}

/** Base images that do not run as root by default, so a missing USER is fine. */
export function defaultsToNonRoot(image: ImageRef): boolean {
  const tag = (image.tag ?? "").toLowerCase();
  if (tag.includes("nonroot") || tag.includes("non-root") || tag.includes("unprivileged")) return true;
  return /^(bitnami\/|chainguard\/|jupyter\/|nginxinc\/nginx-unprivileged)/.test(image.name);
}
