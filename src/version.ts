// The package version, read once from package.json: the CLI prints it, the API reports it.
import { readFileSync } from "node:fs";

export const packageVersion: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
