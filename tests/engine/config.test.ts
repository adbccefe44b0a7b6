import { describe, expect, it } from "vitest";
import { configJsonSchema, DEFAULT_CONFIG, parseConfig } from "../../src/engine/config.js";

const known = new Set(["testing.coverage", "containerization.dockerfile"]);

describe("parseConfig", () => {
  it("fills defaults for an empty file", () => {
    const { config, issues } = parseConfig("");
    expect(issues).toEqual([]);
    expect(config.threshold).toBe(70);
    expect(config.strict).toBe(false);
    expect(config).toEqual(DEFAULT_CONFIG);
  });

  it("reads every setting", () => {
    const text = `threshold: 80
strict: true
criteria:
  scalability: 0
checks:
  testing.coverage: off
  containerization.dockerfile: { weight: 2 }
exemptions:
  - check: containerization.dockerfile
    reason: a library, never deployed
ignore: ["vendor/**"]
rules:
  - id: changelog
    files: CHANGELOG.md
    require: exist
`;
    const { config, issues } = parseConfig(text, ".github/portfolio-quality.yml", known);
    expect(issues).toEqual([]);
    expect(config.threshold).toBe(80);
    expect(config.criteria.scalability).toBe(0);
    expect(config.checks["testing.coverage"]).toBe("off");
    expect(config.rules[0]?.criterion).toBe("code_quality");
  });

  it.each([
    ["threshold: 150\n", "threshold", 1],
    ["strict: true\nthreshold: high\n", "threshold", 2],
    ["criteria:\n  testing: 10\n  testin: 5\n", "criteria.testin", 3],
    ["rules:\n  - id: x\n    files: a\n    require: contain\n", "rules[0].pattern", 2],
    ["checks:\n  testing.coverag: off\n", "checks.testing.coverag", 2],
    ["exemptions:\n  - check: nope.nothing\n    reason: r\n", "exemptions[0].check", 2],
    ["colour: red\n", "colour", 1],
  ])("names the field and line of %j", (text, field, line) => {
    const { issues } = parseConfig(text, "cfg.yml", known);
    expect(issues[0]).toMatchObject({ file: "cfg.yml", field, line });
  });

  it("says what a check setting may be", () => {
    const { issues } = parseConfig("checks:\n  testing.coverage: { weight: x }\n", "cfg.yml", known);
    expect(issues[0]).toMatchObject({ field: "checks.testing.coverage", line: 2 });
    expect(issues[0]?.message).toMatch(/expected off, a weight from 0 to 100, or \{ off/);
  });

  it("keeps the valid settings when one is wrong", () => {
    const { config, issues } = parseConfig("threshold: 85\nstrict: maybe\n");
    expect(issues).toHaveLength(1);
    expect(config.threshold).toBe(85);
    expect(config.strict).toBe(false);
  });

  it("reports YAML syntax errors with a line", () => {
    const { issues } = parseConfig("threshold: 80\nchecks: [unclosed\n");
    expect(issues[0]?.field).toBe("(yaml)");
    expect(issues[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it("refuses an alias bomb instead of expanding it", () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]
`;
    const { config, issues } = parseConfig(bomb);
    expect(issues.length).toBeGreaterThan(0);
    expect(config).toEqual(DEFAULT_CONFIG);
  });

  it("rejects a config that is not a mapping", () => {
    expect(parseConfig("- a\n- b\n").issues[0]?.message).toMatch(/mapping/);
  });

  it("exports a JSON Schema generated from the zod schema", () => {
    const schema = configJsonSchema();
    expect(schema.type).toBe("object");
    expect(Object.keys(schema.properties as object)).toEqual(
      expect.arrayContaining(["threshold", "strict", "criteria", "checks", "exemptions", "ignore", "rules"]),
    );
  });
});
