/**
 * The validators every mocked request goes through must reject what GitHub rejects (else the
 * App's tests prove nothing) and accept what the App really sends.
 */
import { describe, expect, it } from "vitest";
import { annotationsOf, completedOutput, failedOutput, RESCAN_ACTIONS } from "../../src/app/check-run.js";
import { contentsQuery, contentsVariables } from "../../src/repo/github-contents.js";
import { graphqlProblems } from "../helpers/graphql-schema.js";
import { restRequestProblems } from "../helpers/openapi.js";
import { sampleReport } from "../helpers/report.js";

const RUN = "/repos/octo/app/check-runs/42";
const out = completedOutput(
  sampleReport(),
  annotationsOf(sampleReport(), () => true),
);
const completion = {
  status: "completed",
  conclusion: "success",
  completed_at: "2024-05-01T10:00:00.000Z",
  output: { title: out.title, summary: out.summary, text: out.text, annotations: out.batches[0] },
  actions: RESCAN_ACTIONS,
};
const annotation = { path: "a.py", start_line: 1, end_line: 1, annotation_level: "warning", message: "m" };

describe("REST requests against GitHub's OpenAPI description", () => {
  it.each([
    [
      "create in progress",
      "POST",
      "/repos/octo/app/check-runs",
      undefined,
      { name: "Portfolio quality", head_sha: "abc", status: "in_progress", started_at: "2024-05-01T10:00:00Z" },
    ],
    ["the App's completion body", "PATCH", RUN, undefined, completion],
    [
      "the App's failure body",
      "PATCH",
      RUN,
      undefined,
      { status: "completed", conclusion: "neutral", output: failedOutput("x", "y"), actions: RESCAN_ACTIONS },
    ],
    [
      "config, raw, encoded slash",
      "GET",
      "/repos/octo/app/contents/.github%2Fportfolio-quality.yml",
      undefined,
      undefined,
    ],
    [
      "recursive tree (multi-segment sha or ref)",
      "GET",
      "/repos/octo/app/git/trees/heads/main",
      { recursive: "1" },
      undefined,
    ],
    ["GHES prefix", "GET", "/api/v3/repos/octo/app/commits/HEAD", undefined, undefined],
    ["installation token without a body", "POST", "/app/installations/1/access_tokens", undefined, undefined],
  ])("accepts %s", (_, method, path, query, body) => {
    expect(restRequestProblems({ method, path, query, body })).toEqual([]);
  });

  it.each([
    [
      "a create without head_sha",
      "POST",
      "/repos/octo/app/check-runs",
      undefined,
      { name: "x" },
      /must have required property 'head_sha'/,
    ],
    [
      "an unknown conclusion",
      "PATCH",
      RUN,
      undefined,
      { ...completion, conclusion: "passed" },
      /conclusion must be equal to one of the allowed values/,
    ],
    [
      "completed without a conclusion",
      "PATCH",
      RUN,
      undefined,
      { status: "completed", output: { title: "t", summary: "s" } },
      /required property 'conclusion'/,
    ],
    [
      "51 annotations",
      "PATCH",
      RUN,
      undefined,
      { output: { title: "t", summary: "s", annotations: Array(51).fill(annotation) } },
      /annotations must NOT have more than 50 items/,
    ],
    [
      "an annotation without a level",
      "PATCH",
      RUN,
      undefined,
      { output: { title: "t", summary: "s", annotations: [{ ...annotation, annotation_level: "error" }] } },
      /annotation_level must be equal to one of/,
    ],
    [
      "an identifier over 20 characters",
      "PATCH",
      RUN,
      undefined,
      { actions: [{ label: "Re-scan", identifier: "x".repeat(21), description: "d" }] },
      /identifier must NOT have more than 20 characters/,
    ],
    [
      "a description over 40 characters",
      "PATCH",
      RUN,
      undefined,
      { actions: [{ label: "Re-scan", identifier: "r", description: "d".repeat(41) }] },
      /description must NOT have more than 40 characters/,
    ],
    [
      "an update of the output without a title",
      "PATCH",
      RUN,
      undefined,
      { output: { summary: "s" } },
      /output\/title is required by GitHub/,
    ],
    [
      "a summary of 65,536 bytes in 21,846 characters",
      "PATCH",
      RUN,
      undefined,
      { output: { title: "t", summary: `${"ß".repeat(32_767)}xx` } },
      /summary exceeds a maximum bytesize of 65535/,
    ],
    [
      "a route GitHub does not have",
      "GET",
      "/repos/octo/app/nope",
      undefined,
      undefined,
      /no such route in GitHub's REST API/,
    ],
    ["a method the route does not take", "DELETE", RUN, undefined, undefined, /has no DELETE operation/],
    [
      "an unknown query parameter",
      "GET",
      "/repos/octo/app/git/trees/abc",
      { recurse: "1" },
      undefined,
      /unknown query parameter recurse/,
    ],
    [
      "a check run id that is not a number",
      "PATCH",
      "/repos/octo/app/check-runs/abc",
      undefined,
      { status: "queued" },
      /path parameter check_run_id must be integer/,
    ],
    ["a body where none is taken", "GET", "/repos/octo/app", undefined, { a: 1 }, /takes no JSON body/],
  ])("rejects %s", (_, method, path, query, body, problem) => {
    const problems = restRequestProblems({ method, path, query, body });
    expect(problems.join("\n")).toMatch(problem);
    expect(problems[0]).toContain(`${method} ${path.replace(/^\/api\/v3/, "")}`);
  });
});

describe("GraphQL requests against GitHub's schema", () => {
  const query = contentsQuery(2);
  const variables = contentsVariables("octo", "app", "abc", ["README.md", "src/a.py"]);

  it("accepts the App's content batch", () => {
    expect(graphqlProblems({ query, variables })).toEqual([]);
    expect(
      graphqlProblems({
        query: contentsQuery(100),
        variables: contentsVariables(
          "o",
          "r",
          "s",
          Array.from({ length: 100 }, (_, i) => `f${i}`),
        ),
      }),
    ).toEqual([]);
  });

  it.each([
    [
      "a missing variable",
      { query, variables: { owner: "octo", name: "app", e0: "abc:README.md" } },
      /Variable "\$e1" of required type "String!" was not provided/,
    ],
    [
      "an undeclared variable",
      { query, variables: { ...variables, e2: "abc:x" } },
      /variable \$e2 is sent but the operation does not declare it/,
    ],
    [
      "a variable of the wrong type",
      { query, variables: { ...variables, e0: 5 } },
      /Variable "\$e0" got invalid value 5/,
    ],
    [
      "a field Blob does not have",
      { query: query.replace("isBinary", "isBinaryFile"), variables },
      /Cannot query field "isBinaryFile" on type "Blob"/,
    ],
    [
      "a variable used but not declared",
      { query: query.replace(", $e1: String!", ""), variables },
      /Variable "\$e1" is not defined by operation "ReadFiles"/,
    ],
    ["a syntax error", { query: `${query} }`, variables }, /GraphQL syntax error/],
  ])("rejects %s", (_, request, problem) => {
    expect(graphqlProblems(request).join("\n")).toMatch(problem);
  });
});
