// Bad usage of the command line: a message from the catalogue, printed in one line, exit status 2.
import type { MessageCode, MessageParams } from "../messages/catalog.ts";

export class UsageError extends Error {
  readonly code: MessageCode;
  readonly params: MessageParams;

  constructor(code: MessageCode, params: MessageParams = {}) {
    super(code);
    this.name = "UsageError";
    this.code = code;
    this.params = params;
  }
}

/** Refuses anything after a command that takes no arguments. */
export function expectNoArguments(args: string[]): void {
  const extra = args[0];
  if (extra !== undefined)
    throw new UsageError(extra.startsWith("-") ? "cli-unknown-option" : "cli-unknown-command", {
      option: extra,
      command: extra,
    });
}
