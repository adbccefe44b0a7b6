/**
 * Building blocks for realistic archetype content: nbformat notebooks with outputs and an embedded
 * plot, a matplotlib-like PNG in base64 that happens to contain tool names, UTF-16 text as a
 * Windows shell writes it, and binary model files.
 */

/** A deterministic pseudo-random generator (mulberry32): fixtures must not change between runs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * The base64 of a matplotlib figure: a real PNG header, then noise in which tool names appear the
 * way random letters do in real images ("dvc", "mlflow", "wandb", "ray", "print", "logging").
 */
export function plotPng(seed = 7, length = 2400): string {
  const next = prng(seed);
  const words = ["dvc", "DVC", "mlflow", "wandb", "ray", "print", "logging", "pytest", "dask"];
  let body = "";
  while (body.length < length) {
    body += next() < 0.04 ? words[Math.floor(next() * words.length)] : B64[Math.floor(next() * 64)];
  }
  return `iVBORw0KGgoAAAANSUhEUgAAAoAAAAHgCAYAAAA10dzkAAAAOXRFWHRTb2Z0d2FyZQBNYXRwbG90bGliIHZlcnNpb24zLjguMiwgaHR0cHM6Ly9tYXRwbG90bGliLm9yZy8g9i+lAAAACXBIWXMAAA9hAAAPYQGoP6dpAAB${body}AAAAAElFTkSuQmCC\n`;
}

/** A notebook cell: Markdown, or code with its outputs (text, a table, a plot). */
export type Cell =
  | { readonly md: string }
  | { readonly code: string; readonly stdout?: string; readonly result?: string; readonly plot?: number };

const lines = (text: string): string[] => text.split(/(?<=\n)/);

/** A Jupyter notebook as nbformat 4 JSON, the way Jupyter saves it (indent 1, outputs kept). */
export function notebook(cells: readonly Cell[], kernel = "python3"): string {
  let count = 0;
  const json = cells.map((cell) => {
    if ("md" in cell) return { cell_type: "markdown", metadata: {}, source: lines(cell.md) };
    count += 1;
    const outputs: unknown[] = [];
    if (cell.stdout !== undefined) outputs.push({ name: "stdout", output_type: "stream", text: lines(cell.stdout) });
    if (cell.result !== undefined)
      outputs.push({
        data: { "text/plain": lines(cell.result) },
        execution_count: count,
        metadata: {},
        output_type: "execute_result",
      });
    if (cell.plot !== undefined)
      outputs.push({
        data: { "image/png": plotPng(cell.plot), "text/plain": ["<Figure size 640x480 with 1 Axes>"] },
        metadata: {},
        output_type: "display_data",
      });
    return { cell_type: "code", execution_count: count, metadata: {}, outputs, source: lines(cell.code) };
  });
  return `${JSON.stringify(
    {
      cells: json,
      metadata: {
        kernelspec: { display_name: "Python 3 (ipykernel)", language: "python", name: kernel },
        language_info: {
          codemirror_mode: { name: "ipython", version: 3 },
          file_extension: ".py",
          mimetype: "text/x-python",
          name: "python",
          nbconvert_exporter: "python",
          pygments_lexer: "ipython3",
          version: "3.11.5",
        },
      },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  )}\n`;
}

/** Text as Windows PowerShell 5 writes `pip freeze > requirements.txt`: UTF-16 LE with a BOM, CRLF. */
export function utf16le(text: string): Uint8Array {
  const crlf = text.replace(/\r?\n/g, "\r\n");
  const out = new Uint8Array(2 + crlf.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < crlf.length; i++) {
    const code = crlf.charCodeAt(i);
    out[2 + i * 2] = code & 0xff;
    out[3 + i * 2] = code >> 8;
  }
  return out;
}

/** A binary file (a pickled model, a PNG): bytes with NULs, as a decoder sees them. */
export function binary(size: number, seed = 3): Uint8Array {
  const next = prng(seed);
  const out = new Uint8Array(size);
  out[0] = 0x80; // pickle protocol marker
  out[1] = 0x04;
  for (let i = 2; i < size; i++) out[i] = Math.floor(next() * 256);
  return out;
}

/** A large file the scan lists but never reads (a 48 MB model, a dataset). */
export const large = (size: number) => ({ mode: "file" as const, size });
