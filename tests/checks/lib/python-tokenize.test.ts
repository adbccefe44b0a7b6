import { describe, expect, it } from "vitest";
import { analysePython } from "../../../checks/lib/python.js";
import { tokenizePython } from "../../../checks/lib/python-tokenize.js";

const callees = (src: string) => analysePython(src).calls.map((c) => c.callee);
const modules = (src: string) => analysePython(src).imports.map((i) => i.module);

/** The traps: what looks like code inside strings and comments, and code inside literals. */
const TRAPS: [string, string, { calls?: string[]; imports?: string[]; has?: string[]; hasNot?: string[] }][] = [
  ["print in a module docstring", '"""Run it:\n\n    print("x")\n"""\nx = 1\n', { calls: [] }],
  ["print in a function docstring", 'def f():\n    """print(1) here"""\n    return 1\n', { calls: [] }],
  ["import logging in a comment", "# import logging\nimport os  # import sys\n", { imports: ["os"] }],
  ["dvc in a string", 'cmd = "dvc pull && dvc repro"\n', { hasNot: ["dvc"], has: ["cmd"] }],
  ["import in a string", "s = 'import logging'\n", { imports: [] }],
  ["raw string ending in escaped quote", "x = r'\\''; print(x)\n", { calls: ["print"] }],
  ["raw string with a backslash before the closing quote", "x = r'a\\\\'\nimport os\n", { imports: ["os"] }],
  ["bytes string", 'x = b"import os"\n', { imports: [] }],
  ["triple-quoted string spanning lines", "x = '''\nimport os\nprint(1)\n'''\nimport sys\n", { imports: ["sys"] }],
  ["triple double quotes holding triple single quotes", 'x = """ \'\'\' """\nprint(1)\n', { calls: ["print"] }],
  ["prefix Rb in any case", 'x = Rb"""\nimport os\n"""\nimport sys\n', { imports: ["sys"] }],
  ["prefix BR", "x = BR'import os'\n", { imports: [] }],
  ["prefix u and U", "x = u'import os' + U\"print(1)\"\n", { imports: [], calls: [] }],
  ["prefixes fR and rF", "x = fR'{a}\\d' + rF\"{b}\"\n", { has: ["a", "b"], calls: [] }],
  ["a name that looks like a prefix", "rb = 1\nprint(rb)\n", { calls: ["print"], has: ["rb"] }],
  ["f-string with nested quotes (PEP 701)", 'x = f"{d["k"]} import y"\nimport z\n', { imports: ["z"], has: ["d"] }],
  ["f-string with escaped braces", 'x = f"{{print(1)}}"\n', { calls: [] }],
  ["call inside an f-string field", 'x = f"{len(items)} items"\n', { calls: ["len"], has: ["items"] }],
  ["nested format spec", 'x = f"{v:{w}.{p}f}"; print(x)\n', { calls: ["print"], has: ["w", "p"] }],
  ["conversion and format spec", "x = f'{v!r:>10}'; print(x)\n", { calls: ["print"] }],
  ["named escape in an f-string", 'x = f"\\N{EM DASH} {v}"\nprint(x)\n', { calls: ["print"], has: ["v"] }],
  ["raw f-string with a backslash before braces", "x = rf'(\\{{%)({name})'\nprint(x)\n", { calls: ["print"] }],
  ["triple-quoted f-string over lines", 'x = f"""\n{a}\nprint(b)\n{c!s}\n"""\nimport os\n', { imports: ["os"] }],
  [
    "comment inside a multi-line f-string field",
    "x = f'''{ # it's a comment\n 3}'''\nimport os\n",
    { imports: ["os"] },
  ],
  ["t-string (3.14)", 'x = t"{user}"\nimport os\n', { imports: ["os"], has: ["user"] }],
  ["comment with a quote", "# it's fine\nimport os\n", { imports: ["os"] }],
  ["string holding a hash", 'x = "#"; import os\n', { imports: ["os"] }],
  ["backslash continuation", "import os, \\\n    sys\n", { imports: ["os", "sys"] }],
  ["brackets spanning lines", "from pkg import (\n    a,  # first\n    b,\n)\n", { has: ["a", "b"] }],
  ["Python 2 print statement", 'print "hello"\nprint >>sys.stderr, "x"\n', { calls: ["print", "print"] }],
  ["print as a method is not print", "self.print(1)\nconsole.print(2)\n", { calls: ["self.print", "console.print"] }],
  ["def print is no call", "def print(x):\n    pass\n", { calls: [] }],
  ["keyword before a paren is no call", "if (x):\n    return (1)\nassert (y)\n", { calls: [] }],
  ["call chain on a call result", "logging.getLogger(__name__).info('x')\n", { calls: ["logging.getLogger"] }],
  ["class pattern in case is no call", "match p:\n    case Point(x=0) if ok(p):\n        pass\n", { calls: ["ok"] }],
  ["match with a tuple subject", "match (a, b):\n    case _:\n        run()\n", { calls: ["run"] }],
  ["unicode identifiers", "données = charger()\n", { calls: ["charger"], has: ["données"] }],
  ["numbers with exponents and suffixes", "x = 1e-5 + 0xFF + 1_000.5j + .5\nprint(x)\n", { calls: ["print"] }],
  ["walrus in a header", "if (n := len(a)) > 10:\n    pass\n", { calls: ["len"] }],
  ["lambda inside a with header", 'with patch("a", lambda: 1):\n    run()\n', { calls: ["patch", "run"] }],
];

describe("tokenizer traps", () => {
  it.each(TRAPS)("%s", (_name, src, want) => {
    const source = analysePython(src);
    expect(source.error).toBeUndefined();
    if (want.calls) expect(source.calls.map((c) => c.callee)).toEqual(want.calls);
    if (want.imports) expect(source.imports.map((i) => i.module)).toEqual(want.imports);
    for (const name of want.has ?? []) expect(source.names.has(name)).toBe(true);
    for (const name of want.hasNot ?? []) expect(source.names.has(name)).toBe(false);
  });
});

/** Broken input: an error with its line, and the facts around it still reported. */
const BROKEN: [string, string, string, number, string[]][] = [
  ["unterminated string", 'x = "abc\nimport os\n', "unterminated string literal", 1, ["os"]],
  [
    "unterminated triple-quoted string",
    "import os\nx = '''abc\nimport sys\n",
    "unterminated triple-quoted string",
    2,
    ["os"],
  ],
  ["unterminated f-string field", 'import os\nx = f"{a\nimport sys\n', "unterminated f-string", 2, ["os", "sys"]],
  ["unmatched closing bracket", "x = 1)\nimport os\n", "unmatched ')'", 1, ["os"]],
  ["bracket never closed", "import os\nx = foo(\n", "bracket never closed", 2, ["os"]],
  ["stray character", "import os\nx = $y\n", "invalid character '$'", 2, ["os"]],
  [
    "backslash not before a newline",
    "import os\nx = 1 \\ 2\n",
    "unexpected character after line continuation",
    2,
    ["os"],
  ],
];

describe("broken input", () => {
  it.each(BROKEN)("%s", (_name, src, message, line, imports) => {
    const source = analysePython(src);
    expect(source.error).toEqual({ message, line });
    expect(source.imports.map((i) => i.module)).toEqual(imports);
  });
});

describe("lines and layout", () => {
  it("counts lines across CRLF, lone CR, tabs and a BOM", () => {
    const src = "\uFEFFimport os\r\n\r\nif x:\r\n\tprint(1)\rdef f():\n\t\treturn g()\n";
    const source = analysePython(src);
    expect(source.imports[0]?.line).toBe(1);
    expect(source.calls).toEqual([
      { callee: "print", line: 4 },
      { callee: "g", line: 6 },
    ]);
    expect(source.definitions[0]).toMatchObject({ name: "f", line: 5, depth: 0 });
  });

  it("gives a string spanning lines its first and last line", () => {
    const { lines } = tokenizePython('x = """a\nb\nc"""\ny = 1\n');
    expect(lines[0]?.tokens[2]).toMatchObject({ kind: "string", line: 1, endLine: 3 });
    expect(lines[1]?.tokens[0]).toMatchObject({ kind: "name", text: "y", line: 4 });
  });

  it("keeps a bracketed statement on one logical line with its indentation", () => {
    const { lines } = tokenizePython("def f():\n    return g(\n1,\n        2)\n    h()\n");
    expect(lines.map((l) => [l.indent, l.tokens[0]?.text])).toEqual([
      [0, "def"],
      [4, "return"],
      [4, "h"],
    ]);
  });

  it("skips blank and comment-only lines whatever their indentation", () => {
    const { lines } = tokenizePython("if x:\n    a()\n# c\n        # d\n\n    b()\n");
    expect(lines.map((l) => l.indent)).toEqual([0, 4, 4]);
  });

  it("counts code lines: not blanks, comments or docstrings", () => {
    const src =
      '"""Module\ndoc."""\n\n# comment\nimport os\n\ndef f():\n    """Doc."""\n    q = """a\nb"""\n    return q\n';
    expect(analysePython(src).codeLines).toBe(5);
  });

  it("reads an empty file and a file of comments", () => {
    expect(analysePython("")).toMatchObject({ calls: [], codeLines: 0, moduleDocstring: false });
    expect(analysePython("# only\n# comments\n").codeLines).toBe(0);
  });

  // ~2.4 MB: about 0.1 s on an idle machine; anything quadratic would pass the timeout (a hang guard).
  it("tokenizes a large file (linear, no backtracking)", () => {
    const chunk = 'def f(x: int) -> str:\n    """Doc."""\n    s = f"{x!r:>{w}}"  # note\n    return s + r\'\\d\'\n\n';
    const source = analysePython(chunk.repeat(20_000));
    expect(source.definitions).toHaveLength(20_000);
  }, 30_000);

  it("does not blow up on a long run of quotes or brackets", () => {
    expect(analysePython('"'.repeat(100_001)).error?.message).toBe("unterminated triple-quoted string");
    expect(analysePython(`x = ${"f'{".repeat(100_000)}`).error?.message).toBe("f-string nested too deeply");
    expect(analysePython("(".repeat(50_000)).error?.message).toBe("bracket never closed");
    expect(callees(`${"x = f'{".repeat(1000)}`)).toEqual([]);
  });

  it("keeps module names from a real import block", () => {
    expect(modules("import numpy as np\nfrom sklearn.model_selection import train_test_split\n")).toEqual([
      "numpy",
      "sklearn.model_selection",
    ]);
  });
});
