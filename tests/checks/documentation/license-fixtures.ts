import { bsd3, mit } from "../../helpers/licenses.js";
/** License texts as projects commit them. */

export const MIT = mit("Jane Doe", 2024);

export const MIT_PLACEHOLDER = MIT.replace("2024 Jane Doe", "[year] [fullname]");

/** MIT as a Markdown file with emphasis and typographic quotes. */
export const MIT_MD = `# MIT License

**Copyright © 2023 Priya Raman**

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the “Software”), to deal in the Software without restriction,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED “AS IS”, WITHOUT WARRANTY OF ANY KIND.
`;

export const APACHE = `
                                 Apache License
                           Version 2.0, January 2004
                        http://www.apache.org/licenses/

   TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION

   1. Definitions.

      "License" shall mean the terms and conditions for use, reproduction,
      and distribution as defined by Sections 1 through 9 of this document.
`;

export const GPL3 = `                    GNU GENERAL PUBLIC LICENSE
                       Version 3, 29 June 2007

 Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>
 Everyone is permitted to copy and distribute verbatim copies
 of this license document, but changing it is not allowed.

                            Preamble

  The GNU General Public License is a free, copyleft license for
software and other kinds of works.
`;

export const LGPL3 = `                   GNU LESSER GENERAL PUBLIC LICENSE
                       Version 3, 29 June 2007

  This version of the GNU Lesser General Public License incorporates
the terms and conditions of version 3 of the GNU General Public
License, supplemented by the additional permissions listed below.
`;

export const BSD3 = bsd3("Acme Labs", 2022);

export const BSD2 = BSD3.replace(/\n3\. Neither[\s\S]*$/, "\n");

export const UNLICENSE = `This is free and unencumbered software released into the public domain.

Anyone is free to copy, modify, publish, use, compile, sell, or
distribute this software, either in source code form or as a compiled
binary, for any purpose, commercial or non-commercial, and by any
means.
`;

export const ISC = `ISC License

Copyright (c) 2021, Sam Lee

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted, provided that the above
copyright notice and this permission notice appear in all copies.
`;

export const MPL2 = `Mozilla Public License Version 2.0
==================================

1. Definitions
--------------
`;

export const PROPRIETARY = `Copyright (c) 2024 Northwind Analytics Ltd. All rights reserved.

This source code is provided for review as part of a job application only. No permission is granted
to copy, modify, distribute or use this software or any part of it for any other purpose without the
prior written consent of the author.
`;
