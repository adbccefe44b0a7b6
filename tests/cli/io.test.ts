/** stdout through `pipeWriter`: a reader that closes the pipe early stops the output, quietly. */
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { pipeWriter } from "../../src/cli/io.js";

/** A stream whose reader goes away after `accepts` writes, as `| head -1` does. */
class ClosingPipe extends EventEmitter {
  readonly written: string[] = [];
  constructor(
    private accepts: number,
    private readonly code = "EPIPE",
  ) {
    super();
  }
  write(text: string): boolean {
    if (this.accepts-- > 0) this.written.push(text);
    else this.emit("error", Object.assign(new Error(`write ${this.code}`), { code: this.code }));
    return true;
  }
}

describe("pipeWriter", () => {
  it("writes until the reader closes the pipe, then drops the rest without an error", () => {
    const pipe = new ClosingPipe(1);
    const write = pipeWriter(pipe);
    write("first line\n");
    write("second line\n");
    write("third line\n");
    expect(pipe.written).toEqual(["first line\n"]);
    expect(pipe.listenerCount("error")).toBe(1);
  });

  it("still throws a write error that is not a closed pipe", () => {
    const write = pipeWriter(new ClosingPipe(0, "ENOSPC"));
    expect(() => write("x")).toThrow(/ENOSPC/);
  });
});
