// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfiles use ${VAR} syntax
import { describe, expect, it } from "vitest";
import { copySources, parseDockerfile, parseImage, substitute } from "../../../checks/lib/dockerfile.js";
import { baseImageOf, effectiveUser, isRootUser, stageCommand } from "../../../checks/lib/dockerfile-stages.js";

const multiStage = `# syntax=docker/dockerfile:1
ARG PYTHON_VERSION=3.12
FROM python:\${PYTHON_VERSION}-slim AS builder
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt
USER builder

FROM python:\${PYTHON_VERSION}-slim
COPY --from=builder /wheels /wheels
COPY ["src/", "/app/src"]
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]
`;

describe("parseDockerfile", () => {
  it("splits stages, resolves ARG-substituted tags and keeps 1-based lines", () => {
    const model = parseDockerfile(multiStage);
    expect(model.problems).toEqual([]);
    expect(model.stages.map((s) => [s.line, s.alias, s.image?.resolved])).toEqual([
      [3, "builder", "python:3.12-slim"],
      [9, undefined, "python:3.12-slim"],
    ]);
    expect(model.stages[0]?.image).toMatchObject({ name: "python", tag: "3.12-slim", unresolved: false });
  });

  it("judges USER in the final stage only", () => {
    const model = parseDockerfile(multiStage);
    const [builder, final] = model.stages;
    expect(builder && effectiveUser(model, builder)).toEqual({ user: "builder", line: 7 });
    expect(final && effectiveUser(model, final)).toBeUndefined();
  });

  it("follows FROM <stage> so the final stage inherits USER and its base image", () => {
    const model = parseDockerfile("FROM node:22-slim AS base\nUSER node\nFROM base AS runtime\nCMD node server.js\n");
    const final = model.stages[1];
    expect(final?.parent).toBe(0);
    expect(final && effectiveUser(model, final)?.user).toBe("node");
    expect(final && baseImageOf(model, final)?.resolved).toBe("node:22-slim");
  });

  it("reads exec-form commands with spaces and flags apart from sources", () => {
    const model = parseDockerfile(multiStage);
    const final = model.stages[1];
    expect(final && stageCommand(model, final)?.text).toBe("uvicorn app.main:app --host 0.0.0.0");
    const copies = final?.instructions.filter((i) => i.keyword === "COPY") ?? [];
    expect(copies.map((c) => [c.flags.from ?? null, copySources(c)])).toEqual([
      ["builder", ["/wheels"]],
      [null, ["src/"]],
    ]);
  });

  it("reports problems with their line instead of throwing", () => {
    const model = parseDockerfile("RUN echo before\nFROM\nFROM python:3.12\nRUNN apt-get update\n");
    expect(model.problems).toEqual([
      { message: "RUN before the first FROM", line: 1 },
      { message: "FROM without an image", line: 2 },
      { message: 'unknown instruction "RUNN"', line: 4 },
    ]);
    expect(parseDockerfile("").problems).toEqual([{ message: "no FROM instruction", line: 1 }]);
  });

  it("keeps ENV and ARG properties", () => {
    const model = parseDockerfile("FROM alpine:3.20\nARG HF_TOKEN\nENV API_KEY=abc DEBUG=1\n");
    const props = model.stages[0]?.instructions.map((i) => i.properties);
    expect(props).toEqual([
      [{ name: "HF_TOKEN", value: null }],
      [
        { name: "API_KEY", value: "abc" },
        { name: "DEBUG", value: "1" },
      ],
    ]);
  });
});

describe("image helpers", () => {
  it.each([
    ["python:3.12-slim", { name: "python", tag: "3.12-slim" }],
    ["python", { name: "python" }],
    ["ghcr.io/astral-sh/uv:0.4@sha256:abc", { name: "astral-sh/uv", tag: "0.4", digest: "sha256:abc" }],
    ["localhost:5000/team/app:1.0", { name: "team/app", tag: "1.0" }],
    ["nvidia/cuda:12.4.1-runtime-ubuntu22.04", { name: "nvidia/cuda", tag: "12.4.1-runtime-ubuntu22.04" }],
  ])("parseImage(%s)", (image, expected) => {
    expect(parseImage(image, image)).toMatchObject(expected);
  });

  it("substitutes build arguments with their default forms", () => {
    const values = new Map<string, string | null>([
      ["V", "3.12"],
      ["EMPTY", null],
    ]);
    expect(substitute("python:${V}-slim", values)).toBe("python:3.12-slim");
    expect(substitute("python:$V", values)).toBe("python:3.12");
    expect(substitute("python:${EMPTY:-3.11}", values)).toBe("python:3.11");
    expect(substitute("python:${UNKNOWN}", values)).toBe("python:${UNKNOWN}");
  });

  it.each([
    ["root", true],
    ["0", true],
    ["0:0", true],
    ["root:root", true],
    ["app", false],
    ["1000:1000", false],
  ])("isRootUser(%s) = %s", (user, expected) => expect(isRootUser(user)).toBe(expected));
});
