/**
 * Where a project declares its license without a license file: `pyproject.toml` (PEP 621/639,
 * Poetry, classifiers), `setup.cfg`, `setup.py`, `package.json`, and the README (a License
 * section, a badge, a "licensed under" sentence).
 */
import type { RepoView } from "../../src/engine/check.js";
import { isRecord, lineOfText } from "../lib/parse.js";
import { iniManifests, packageJsons, pyprojects } from "../lib/project.js";
import { licenseFromName } from "./license-text.js";
import { isLicenseRef, readmeFacts } from "./readme-content.js";
import { findReadme } from "./readme-file.js";

/** One declaration of the project's license outside a license file. */
export interface LicenseDeclaration {
  readonly path: string;
  readonly line?: number;
  /** What the file says, as written ("MIT", "License :: OSI Approved :: MIT License"). */
  readonly value: string;
  /** The license it names, when recognisable (SPDX id or family). */
  readonly license?: string;
  /** A declaration pointing at a file (`license = { file = "LICENSE" }`). */
  readonly file?: string;
  readonly readme?: boolean;
}

const CLASSIFIER = /^License :: (?:OSI Approved :: )?(.+)$/;

function declared(
  path: string,
  value: string,
  line: number | undefined,
  extra?: Partial<LicenseDeclaration>,
): LicenseDeclaration {
  const license = licenseFromName(value.replace(CLASSIFIER, "$1"));
  return {
    path,
    value,
    ...(line !== undefined ? { line } : {}),
    ...(license ? { license } : {}),
    ...extra,
  };
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

function fromPyproject(repo: RepoView): LicenseDeclaration[] {
  const out: LicenseDeclaration[] = [];
  for (const t of pyprojects(repo)) {
    const project = isRecord(t.value?.project) ? t.value.project : {};
    const poetry = isRecord(t.value?.tool) && isRecord(t.value.tool.poetry) ? t.value.tool.poetry : {};
    const line = (key: string) => t.keyLines.get(key);
    const license = project.license;
    if (typeof license === "string") out.push(declared(t.path, license, line("project.license")));
    else if (isRecord(license) && typeof license.text === "string") {
      out.push(declared(t.path, license.text, line("project.license.text") ?? line("project.license")));
    } else if (isRecord(license) && typeof license.file === "string") {
      out.push(
        declared(t.path, `file ${license.file}`, line("project.license.file") ?? line("project.license"), {
          file: license.file,
        }),
      );
    }
    if (typeof poetry.license === "string") out.push(declared(t.path, poetry.license, line("tool.poetry.license")));
    for (const c of [...strings(project.classifiers), ...strings(poetry.classifiers)]) {
      if (CLASSIFIER.test(c)) out.push(declared(t.path, c, lineOfText(t.text, c)));
    }
  }
  return out;
}

function fromSetup(repo: RepoView): LicenseDeclaration[] {
  const out: LicenseDeclaration[] = [];
  for (const ini of iniManifests(repo)) {
    if (!/(^|\/)setup\.cfg$/.test(ini.path)) continue;
    const metadata = ini.sections.find((s) => s.name === "metadata");
    if (!metadata) continue;
    const license = metadata.values.license;
    if (license) out.push(declared(ini.path, license, metadata.lines.license));
    for (const item of metadata.items.classifiers ?? []) {
      if (CLASSIFIER.test(item.text)) out.push(declared(ini.path, item.text, item.line));
    }
  }
  for (const f of repo.read(["setup.py", "*/setup.py"])) {
    // setup.py is code, never run: read the literal `license="..."` keyword and classifier strings.
    f.text.split("\n").forEach((line, i) => {
      if (/^\s*#/.test(line)) return;
      const kw = /\blicense\s*=\s*(["'])([^"'\n]+)\1/.exec(line);
      if (kw?.[2]) out.push(declared(f.path, kw[2], i + 1));
      const cl = /(["'])(License :: [^"'\n]+)\1/.exec(line);
      if (cl?.[2]) out.push(declared(f.path, cl[2], i + 1));
    });
  }
  return out;
}

/** The license values a package.json declares (`license`, or the old `licenses` list). */
function packageLicenses(raw: Record<string, unknown>): string[] {
  return [raw.license, ...(Array.isArray(raw.licenses) ? raw.licenses : [])]
    .map((v) => (typeof v === "string" ? v : isRecord(v) && typeof v.type === "string" ? v.type : undefined))
    .filter((v): v is string => v !== undefined && v.trim() !== "");
}

/** `npm init -y` writes "ISC" with an empty author: a default nobody chose. */
function isNpmDefault(raw: Record<string, unknown>): boolean {
  const values = packageLicenses(raw);
  return values.length === 1 && values[0] === "ISC" && !raw.author;
}

/** A package.json whose only license is the "ISC" that `npm init -y` writes, with no author. */
export function npmDefaultLicense(repo: RepoView): { path: string; line?: number } | undefined {
  for (const p of packageJsons(repo)) {
    if (isNpmDefault(p.value.raw)) {
      const line = lineOfText(p.text, '"license');
      return line !== undefined ? { path: p.path, line } : { path: p.path };
    }
  }
  return undefined;
}

function fromPackageJson(repo: RepoView): LicenseDeclaration[] {
  const out: LicenseDeclaration[] = [];
  for (const p of packageJsons(repo)) {
    if (isNpmDefault(p.value.raw)) continue;
    for (const v of packageLicenses(p.value.raw)) {
      const file = /^SEE LICEN[CS]E IN (.+)$/i.exec(v)?.[1];
      out.push(declared(p.path, v, lineOfText(p.text, '"license'), file ? { file } : undefined));
    }
  }
  return out;
}

function fromReadme(repo: RepoView): LicenseDeclaration[] {
  const file = findReadme(repo).readme;
  if (!file) return [];
  const cover = readmeFacts(file.doc).topics.get("license");
  if (!cover) return [];
  // What the license is called: the text under a License heading, or a badge's alt text and URL.
  const section = file.doc.blocks.find((b) => b.line > cover.line && b.kind !== "heading")?.text ?? "";
  const refs = [...file.doc.images, ...file.doc.links].filter(isLicenseRef).map((r) => `${r.text} ${r.url}`);
  const license = licenseFromName(section) ?? refs.map(licenseFromName).find((l) => l !== undefined);
  // "## License" over the bare name ("MIT") is too short to count as prose, yet it declares the license.
  if (cover.score < 1 && !licenseFromName(section)) return [];
  return [{ path: file.path, line: cover.line, value: cover.evidence, readme: true, ...(license ? { license } : {}) }];
}

/** Every license declaration outside license files, manifests first, then the README. */
export function licenseDeclarations(repo: RepoView): LicenseDeclaration[] {
  return [...fromPyproject(repo), ...fromSetup(repo), ...fromPackageJson(repo), ...fromReadme(repo)];
}
