/** What the CLI touches of the process, injected so that commands are tested without spawning. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal (colour only then). */
  readonly isTTY: boolean;
  /** The terminal's width in columns, when stdout is a terminal. */
  readonly columns?: number;
  /** True when stderr is a terminal (a progress bar only then; plain lines otherwise). */
  readonly stderrIsTTY?: boolean;
  readonly cwd: string;
}

/** Exit codes: 0 at or above the minimum score, 1 below it, 2 on a usage or config error. */
export const EXIT = { ok: 0, belowThreshold: 1, usage: 2 } as const;

/** An error the user can fix (bad flag, bad config): printed without a stack trace, exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Whether to colour output: a TTY, and NO_COLOR unset or empty (https://no-color.org). */
export function useColor(io: CliIO): boolean {
  return io.isTTY && !io.env.NO_COLOR && io.env.TERM !== "dumb";
}

/** The part of a writable stream `pipeWriter` uses. */
export interface PipeLike {
  write(text: string): unknown;
  on(event: "error", listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/**
 * A writer for stdout that stops quietly when the reader has gone (`| head` closes the pipe:
 * EPIPE), so the command finishes with its own exit code instead of an unhandled error.
 * Any other write error is thrown as before.
 */
export function pipeWriter(stream: PipeLike): (text: string) => void {
  let closed = false;
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}
