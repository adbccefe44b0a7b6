/**
 * The READMEs that project generators write (create-react-app, create-next-app, Vite, Angular CLI,
 * Vue CLI, create-t3-app, Expo, SvelteKit, Cookiecutter Data Science). Left unmodified they say
 * nothing about the project, whatever sections they have.
 */
import type { DocBlock, DocSection } from "../lib/markdown.js";

/** One generator's README: how to recognise it, and which of its parts are boilerplate. */
interface TemplateFamily {
  readonly name: string;
  /** A heading or paragraph that only this generator writes (normalised text). */
  readonly marker: RegExp;
  /** Headings whose whole section is boilerplate once the marker is seen. */
  readonly headings: readonly string[];
  /** Paragraphs (normalised, by prefix) that are boilerplate once the marker is seen. */
  readonly paragraphs: readonly string[];
}

const FAMILIES: readonly TemplateFamily[] = [
  {
    name: "create-react-app",
    marker: /^getting started with create react app$|bootstrapped with create react app/,
    headings: [
      "getting started with create react app",
      "available scripts",
      "npm start",
      "npm test",
      "npm run build",
      "npm run eject",
      "learn more",
      "code splitting",
      "analyzing the bundle size",
      "making a progressive web app",
      "advanced configuration",
      "deployment",
      "npm run build fails to minify",
    ],
    paragraphs: ["this project was bootstrapped with create react app"],
  },
  {
    name: "create-next-app",
    marker: /next\.?js project bootstrapped with create-next-app/,
    headings: ["getting started", "learn more", "deploy on vercel"],
    paragraphs: ["this is a next.js project bootstrapped with", "this is a nextjs project bootstrapped with"],
  },
  {
    name: "Vite",
    marker:
      /^(react|vue 3|vue|svelte|preact|lit|solid|qwik|vanilla)( \+ (typescript|ts|javascript|js|swc))? \+ vite$|^this template (provides a minimal setup to get|should help get you started developing with)/,
    headings: [
      "expanding the eslint configuration",
      "react compiler",
      "recommended ide setup",
      "type support for vue imports in ts",
      "customize configuration",
      "project setup",
      "need an official svelte framework?",
      "technical considerations",
    ],
    paragraphs: [
      "this template provides a minimal setup",
      "this template should help get you started",
      "currently, two official plugins are available",
    ],
  },
  {
    name: "Angular CLI",
    marker: /this project was generated (with|using) angular cli/,
    headings: [
      "development server",
      "code scaffolding",
      "build",
      "building",
      "running unit tests",
      "running end-to-end tests",
      "further help",
      "additional resources",
    ],
    paragraphs: ["this project was generated"],
  },
  {
    name: "Vue CLI",
    marker: /^compiles and hot-reloads for development$/,
    headings: [
      "project setup",
      "compiles and hot-reloads for development",
      "compiles and minifies for production",
      "lints and fixes files",
      "run your unit tests",
      "run your end-to-end tests",
      "customize configuration",
    ],
    paragraphs: [],
  },
  {
    name: "create-t3-app",
    marker: /t3 stack project bootstrapped with create-t3-app/,
    headings: ["create t3 app", "what's next? how do i make an app with this?", "learn more", "how do i deploy this?"],
    paragraphs: ["this is a t3 stack project bootstrapped with"],
  },
  {
    name: "create-expo-app",
    marker: /expo project created with create-expo-app/,
    headings: ["welcome to your expo app", "get started", "get a fresh project", "learn more", "join the community"],
    paragraphs: ["this is an expo project created with"],
  },
  {
    name: "SvelteKit (sv)",
    marker: /^everything you need to build a svelte project/,
    headings: ["sv", "create-svelte", "creating a project", "developing", "building"],
    paragraphs: ["everything you need to build a svelte project"],
  },
  {
    name: "Cookiecutter Data Science",
    marker: /^a short description of the project\.?$|cookiecutter data science project template/,
    headings: ["project organization"],
    paragraphs: ["a short description of the project", "project based on the cookiecutter data science"],
  },
];

/** Lower case, markup and emoji removed, spaces collapsed: how template text is compared. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[`*_~]/g, "")
    .replace(/[^\p{L}\p{N}\s.+?'\u2019,:/()-]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A generator's README found in a document, and where its marker is. */
export interface TemplateMatch {
  readonly name: string;
  readonly line: number;
}

/** The generator families whose marker appears in the document. */
export function templatesIn(blocks: readonly DocBlock[]): TemplateMatch[] {
  const out: TemplateMatch[] = [];
  for (const family of FAMILIES) {
    const hit = blocks.find((b) => b.kind !== "code" && family.marker.test(normalise(b.text)));
    if (hit) out.push({ name: family.name, line: hit.line });
  }
  return out;
}

/** The sections with the matched generators' boilerplate removed: what the author wrote. */
export function withoutTemplate(sections: readonly DocSection[], matches: readonly TemplateMatch[]): DocSection[] {
  const families = FAMILIES.filter((f) => matches.some((m) => m.name === f.name));
  if (families.length === 0) return [...sections];
  const headings = new Set(families.flatMap((f) => f.headings));
  const paragraphs = families.flatMap((f) => f.paragraphs);
  const out: DocSection[] = [];
  for (const s of sections) {
    const title = s.heading ? normalise(s.heading.text) : undefined;
    if (title !== undefined && (headings.has(title) || families.some((f) => f.marker.test(title)))) continue;
    const blocks = s.blocks.filter(
      (b) => b.kind === "code" || !paragraphs.some((p) => normalise(b.text).startsWith(p)),
    );
    out.push(s.heading ? { heading: s.heading, blocks } : { blocks });
  }
  return out;
}
