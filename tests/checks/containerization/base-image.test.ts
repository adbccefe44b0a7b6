// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfiles use ${VAR} syntax
import { describe, expect, it } from "vitest";
import { defaultsToNonRoot, endOfLife, pinLevel } from "../../../checks/containerization/base-image.js";
import { parseImage } from "../../../checks/lib/dockerfile.js";

const image = (ref: string) => parseImage(ref, ref);

describe("base images", () => {
  it.each([
    ["python:3.12-slim@sha256:0a1b2c", "digest"],
    ["python:3.12-slim", "tag"],
    ["python", "untagged"],
    ["python:latest", "latest"],
    ["node:lts-alpine3.20", "floating"],
    ["python:slim", "floating"],
    ["tensorflow/tensorflow:latest-gpu", "floating"],
    ["debian:bookworm-slim", "tag"],
    ["ubuntu:jammy", "tag"],
    ["scratch", "scratch"],
    ["python:${PY}", "unresolved"],
  ])("pinLevel(%s) = %s", (ref, level) => expect(pinLevel(image(ref))).toBe(level));

  it.each([
    ["python:2.7-slim", "Python 2 (2020)"],
    ["python:3.7-slim-buster", "Python 3.7 (2023)"],
    ["python:3.11-slim-buster", "Debian 10 (2024)"],
    ["node:16-alpine", "Node.js 16"],
    ["node:21", "Node.js 21 (2024)"],
    ["python:3.9-slim", "Python 3.9 (2025)"],
    ["node:18-alpine", "Node.js 18 (April 2025)"],
    ["node:20.20.2-bookworm-slim", "Node.js 20 (April 2026)"],
    ["ubuntu:18.04", "Ubuntu 18.04"],
    ["nvidia/cuda:10.2-cudnn7-runtime-ubuntu18.04", "Ubuntu 18.04"],
    ["tiangolo/uvicorn-gunicorn-fastapi:python3.7", "Python 3.7 (2023)"],
    ["centos:7", "CentOS (all releases)"],
    ["alpine:3.12", "Alpine 3.12"],
  ])("endOfLife(%s) = %s", (ref, release) => expect(endOfLife(image(ref))).toBe(release));

  it.each([
    "python:3.12-slim",
    "node:22-slim",
    "ubuntu:22.04",
    "nvidia/cuda:12.4.1-runtime-ubuntu22.04",
    "python:3",
    "node:24-slim",
    "ubuntu:20.04",
  ])("%s is maintained (or not clearly past its end)", (ref) => expect(endOfLife(image(ref))).toBeUndefined());

  it("knows images that run as non-root by default", () => {
    expect(defaultsToNonRoot(image("gcr.io/distroless/python3-debian12:nonroot"))).toBe(true);
    expect(defaultsToNonRoot(image("jupyter/scipy-notebook:2023-10-20"))).toBe(true);
    expect(defaultsToNonRoot(image("python:3.12-slim"))).toBe(false);
  });
});
