/** The CSV rendering: RFC 4180 quoting, CRLF, fixed columns, and cells a spreadsheet would run defused. */
import { describe, expect, it } from "vitest";
import { csvField, renderCsv } from "../../src/report/csv.js";
import { rankRows } from "../../src/report/ranking.js";
import { sampleReport } from "../helpers/report.js";

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    [42, "42"],
    [null, ""],
    [undefined, ""],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ['=HYPERLINK("http://evil")', '"\'=HYPERLINK(""http://evil"")"'],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
  ])("%j -> %s", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe("renderCsv", () => {
  it("writes a header and one CRLF-terminated row per repository, in rank order", () => {
    const report = sampleReport({
      score: 83,
      repo: { source: "github", name: "ada/churn", ref: "main", sha: "f".repeat(40) },
    });
    const csv = renderCsv(
      rankRows([
        { status: "failed", name: "ghost/x", failure: "not_found", reason: "not found, or private" },
        { status: "scanned", name: "ada/churn", report },
      ]),
    );
    const lines = csv.split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe(
      "rank,repository,status,score,grade,testing,documentation,ci_cd,code_structure,code_quality,containerization,monitoring,scalability,gap_1,gap_1_points,gap_2,gap_2_points,gap_3,gap_3_points,commit,reason",
    );
    expect(lines[1]).toBe(`1,ada/churn,scanned,83,C,50,100,,,,,,,testing.coverage,11.4,,,,,${"f".repeat(40)},`);
    expect(lines[2]).toBe(',ghost/x,not_found,,,,,,,,,,,,,,,,,,"not found, or private"');
    for (const line of lines.slice(0, 3)) expect(line.match(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g)).toHaveLength(20);
  });
});
