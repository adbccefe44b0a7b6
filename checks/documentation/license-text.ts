/**
 * Which license a text is, by the phrases each license's own text (or its standard notice) uses,
 * reported as an SPDX id. Names alone ("MIT", "Apache 2.0") are read separately: a file that
 * only names a license does not carry its terms.
 */

/** A license's SPDX id and the phrases (normalised: lower case, single spaces) that identify it. */
interface LicenseText {
  readonly spdx: string;
  /** Every phrase must appear. */
  readonly all: readonly string[];
  /** None of these may appear (tells BSD-2 from BSD-3, GPL from LGPL). */
  readonly none?: readonly string[];
}

// Order matters: the more specific texts come first.
const TEXTS: readonly LicenseText[] = [
  { spdx: "AGPL-3.0", all: ["gnu affero general public license"] },
  { spdx: "LGPL-3.0", all: ["gnu lesser general public license", "version 3"] },
  { spdx: "LGPL-2.1", all: ["gnu lesser general public license", "version 2.1"] },
  { spdx: "LGPL-2.0", all: ["gnu library general public license"] },
  { spdx: "GPL-3.0", all: ["gnu general public license", "version 3"] },
  { spdx: "GPL-2.0", all: ["gnu general public license", "version 2"] },
  { spdx: "GPL-3.0", all: ["gnu general public license"] },
  { spdx: "Apache-2.0", all: ["apache license", "version 2.0"] },
  { spdx: "MPL-2.0", all: ["mozilla public license", "2.0"] },
  { spdx: "EPL-2.0", all: ["eclipse public license", "2.0"] },
  { spdx: "EPL-1.0", all: ["eclipse public license", "1.0"] },
  { spdx: "EUPL-1.2", all: ["european union public licen"] },
  {
    spdx: "MIT-0",
    all: ["permission is hereby granted, free of charge, to any person obtaining a copy"],
    none: ["the above copyright notice and this permission notice shall be included"],
  },
  { spdx: "MIT", all: ["permission is hereby granted, free of charge, to any person obtaining a copy"] },
  {
    spdx: "ISC",
    all: [
      "permission to use, copy, modify, and",
      "distribute this software for any purpose with or without fee is hereby granted",
    ],
  },
  {
    spdx: "BSD-4-Clause",
    all: ["redistribution and use in source and binary forms", "all advertising materials mentioning features"],
  },
  {
    spdx: "BSD-3-Clause",
    all: ["redistribution and use in source and binary forms", "may be used to endorse or promote products"],
  },
  { spdx: "BSD-2-Clause", all: ["redistribution and use in source and binary forms"] },
  { spdx: "Unlicense", all: ["this is free and unencumbered software released into the public domain"] },
  { spdx: "CC0-1.0", all: ["cc0 1.0 universal"] },
  { spdx: "CC-BY-NC-SA-4.0", all: ["attribution-noncommercial-sharealike 4.0 international"] },
  { spdx: "CC-BY-NC-4.0", all: ["attribution-noncommercial 4.0 international"] },
  { spdx: "CC-BY-SA-4.0", all: ["attribution-sharealike 4.0 international"] },
  { spdx: "CC-BY-4.0", all: ["attribution 4.0 international"] },
  { spdx: "BSL-1.0", all: ["boost software license", "version 1.0"] },
  { spdx: "WTFPL", all: ["do what the fuck you want to public license"] },
  {
    spdx: "Zlib",
    all: [
      "provided 'as-is', without any express or implied warranty",
      "permission is granted to anyone to use this software for any purpose",
    ],
  },
  { spdx: "Artistic-2.0", all: ["the artistic license 2.0"] },
  { spdx: "BlueOak-1.0.0", all: ["blue oak model license"] },
  { spdx: "UPL-1.0", all: ["universal permissive license"] },
  { spdx: "PSF-2.0", all: ["python software foundation license"] },
  { spdx: "BUSL-1.1", all: ["business source license"] },
  { spdx: "SSPL-1.0", all: ["server side public license"] },
  { spdx: "Elastic-2.0", all: ["elastic license 2.0"] },
];

/** Lower case, markup and typographic quotes flattened, whitespace collapsed. */
export function normaliseLicense(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[#*_>|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The SPDX id of a license text, when its terms (or standard notice) are there. */
export function identifyLicense(text: string): string | undefined {
  const norm = normaliseLicense(text);
  for (const t of TEXTS) {
    if (t.all.every((p) => norm.includes(p)) && !(t.none ?? []).some((p) => norm.includes(p))) return t.spdx;
  }
  return undefined;
}

const NAMES: readonly [RegExp, string][] = [
  [/\bagpl|affero/, "AGPL-3.0"],
  [/\blgpl|lesser general public/, "LGPL"],
  [/\bgpl|general public licen[cs]e/, "GPL"],
  [/\bapache\b/, "Apache-2.0"],
  [/\bmpl\b|mozilla/, "MPL-2.0"],
  [/\bmit\b/, "MIT"],
  [/\bisc\b/, "ISC"],
  [/\bbsd\b/, "BSD"],
  [/\bunlicen[cs]e\b/, "Unlicense"],
  [/\bcc0\b|cc-zero/, "CC0-1.0"],
  [/\bcc[- ]by\b|creative commons/, "CC-BY"],
  [/\bepl\b|eclipse public/, "EPL"],
  [/\bboost\b|\bbsl-1/, "BSL-1.0"],
  [/\bwtfpl\b/, "WTFPL"],
  [/\bzlib\b/, "Zlib"],
];

/** The license a short declaration names ("MIT License", "Apache Software License", "GPL-3.0-or-later"). */
export function licenseFromName(name: string): string | undefined {
  const norm = normaliseLicense(name);
  if (/^(unlicensed|proprietary|all rights reserved)\b/.test(norm)) return "proprietary";
  return NAMES.find(([re]) => re.test(norm))?.[1];
}

/** True when two license ids plausibly name the same license ("GPL" and "GPL-3.0", "MIT" and "MIT"). */
export function sameLicense(a: string, b: string): boolean {
  const base = (s: string) => s.toUpperCase().replace(/-(ONLY|OR-LATER)$|\+$/, "");
  return base(a).startsWith(base(b)) || base(b).startsWith(base(a));
}

/** A copyright line still holding the template's placeholder (`[year] [fullname]`, `<copyright holders>`). */
export const PLACEHOLDER =
  /\[(year|yyyy|fullname|name of copyright owner|name|owner)\]|<(year|copyright holders?|name of author|owner)>|\{\{\s*(year|author|cookiecutter\.\w+)\s*\}\}/i;
