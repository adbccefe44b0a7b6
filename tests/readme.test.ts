/**
 * The README's checklist table is generated from the registry, and this test keeps it true:
 * `UPDATE_README=1 npx vitest run tests/readme.test.ts` rewrites it after a check changes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHECKS } from "../checks/index.js";
import { CRITERIA } from "../src/engine/criteria.js";

const README = join(import.meta.dirname, "..", "README.md");
const START = "<!-- checklist:start -->";
const END = "<!-- checklist:end -->";

/** A cell of a Markdown table: pipes escaped, and * and _ outside code spans kept literal. */
function escapeCell(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/([*_])/g, "\\$1")))
    .join("")
    .replace(/\|/g, "\\|");
}

function table(): string {
  const rows = ["| criterion (weight) | check | weight | what it looks for |", "| --- | --- | ---: | --- |"];
  for (const c of CRITERIA) {
    for (const [i, check] of CHECKS.filter((k) => k.criterion === c.id).entries()) {
      rows.push(
        `| ${i === 0 ? `**${c.title}** (${c.weight})` : ""} | \`${check.id}\` | ${check.weight} | ${escapeCell(check.looksFor)} |`,
      );
    }
  }
  return rows.join("\n");
}

describe("README", () => {
  it("lists every check with its weight, as the registry has them", () => {
    const text = readFileSync(README, "utf8");
    const start = text.indexOf(START);
    const end = text.indexOf(END);
    expect(start).toBeGreaterThan(-1);
    const expected = `${START}\n${table()}\n${END}`;
    const actual = text.slice(start, end + END.length);
    if (process.env.UPDATE_README && actual !== expected) writeFileSync(README, text.replace(actual, expected));
    else expect(actual).toBe(expected);
  });

  it("opens with the two set-up commands", () => {
    const text = readFileSync(README, "utf8");
    expect(text).toContain("npm ci && npx portfolio-quality check .");
    expect(text).toContain("npm ci && npm test");
  });
});
