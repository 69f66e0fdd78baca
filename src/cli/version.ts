// The name and version the CLI prints.
import { packageVersion } from "../version.ts";

export function version(): string {
  return `trienkhai ${packageVersion}`;
}
