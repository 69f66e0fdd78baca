// One process at a time on an embedded database: PGlite runs PostgreSQL inside the process, with no
// postmaster to refuse a second one, and two processes writing the same data directory corrupt it
// (a `trienkhai backup` or `import` beside a running server, say). A lock file beside the
// directory holds the owner's pid; an owner that no longer runs (killed, the machine restarted)
// leaves a stale file, taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { DomainError } from "../server/errors.ts";

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // a pid reused by something else since the owner died is not an owner
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("node");
  } catch {
    return true;
  }
}

/** Takes the lock of the data directory `dataDir`; returns its release. */
export function lockDataDir(dataDir: string): () => void {
  const file = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, "utf8").trim() === String(process.pid)) rmSync(file, { force: true });
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(file, "utf8").trim());
      if (owner !== process.pid && alive(owner))
        throw new DomainError("database-in-use", 409, { dir: dataDir, pid: owner });
      rmSync(file, { force: true });
    }
  }
  throw new DomainError("database-in-use", 409, { dir: dataDir, pid: "?" });
}
