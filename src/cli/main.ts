// The trienkhai command line: a small dispatcher. Each command lives in its own file and is imported
// only when it runs, so `trienkhai parse` on a .txt does not load the database or the web stack.
// Every failure ends in one line on standard error, Vietnamese then English: exit 2 for a bad file,
// bad usage or a request a service refused, 1 for anything unexpected. Never a stack trace.
import { bilingual, message } from "../messages/catalog.ts";
import { ReadError } from "../readers/errors.ts";
import { DomainError } from "../server/errors.ts";
import { UsageError } from "./usage.ts";
import { version } from "./version.ts";

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  parse: async () => (await import("./parse-command.ts")).parseCommand,
  show: async () => (await import("./show-command.ts")).showCommand,
  tree: async () => (await import("./tree-command.ts")).treeCommand,
  db: async () => (await import("./db-command.ts")).dbCommand,
  import: async () => (await import("./import-command.ts")).importCommand,
  demo: async () => (await import("./demo-command.ts")).demoCommand,
  start: async () => (await import("./start-command.ts")).startCommand,
  serve: async () => (await import("./serve-command.ts")).serveCommand,
  transfers: async () => (await import("./transfers-command.ts")).transfersCommand,
  report: async () => (await import("./report-command.ts")).reportCommand,
  backup: async () => (await import("./backup-command.ts")).backupCommand,
  restore: async () => (await import("./restore-command.ts")).restoreCommand,
};

/** Commands with their own --help text in the catalogue. */
const HELP = { parse: "cli-parse-help" } as const;

function printHelp(code: "cli-help" | "cli-parse-help"): void {
  // Help is a page, not a one-line message: Vietnamese first, then English.
  process.stdout.write(`${message(code, {}, "vi")}\n\n${message(code, {}, "en")}\n`);
}

async function run(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) throw new UsageError("cli-usage");
  if (name === "--help" || name === "-h" || name === "help") {
    printHelp("cli-help");
    return 0;
  }
  if (name === "--version" || name === "-v") {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load)
    throw new UsageError(name.startsWith("-") ? "cli-unknown-option" : "cli-unknown-command", {
      option: name,
      command: name,
    });
  if (args.includes("--help") || args.includes("-h")) {
    printHelp(name in HELP ? HELP[name as keyof typeof HELP] : "cli-help");
    return 0;
  }
  return (await load())(args);
}

function fail(line: string, status: number): number {
  process.stderr.write(`${line.replace(/\s*\n\s*/g, " ")}\n`);
  return status;
}

function internalError(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  const file = process.argv.slice(3).findLast((a) => a === "-" || !a.startsWith("-"));
  return bilingual("cli-internal-error", { name: file ?? "trienkhai", detail });
}

// Whatever escapes (a worker thread's error, a stray rejection) still ends in one line, not a trace;
// a reader that closed the pipe early (`| head`) is not an error at all.
process.on("uncaughtException", (error) => process.exit(fail(internalError(error), 1)));
process.on("unhandledRejection", (error) => process.exit(fail(internalError(error), 1)));
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  process.exit(fail(internalError(error), 1));
});

async function main(): Promise<number> {
  try {
    return await run(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ReadError) return fail(error.bilingual(), 2);
    if (error instanceof UsageError) return fail(bilingual(error.code, error.params), 2);
    // a service refused the request (not found, duplicate, invalid): the user's to fix, nothing changed
    if (error instanceof DomainError) return fail(bilingual(error.code, error.params), 2);
    return fail(internalError(error), 1);
  }
}

process.exitCode = await main();
