// Browser tests drive Debian's Chromium: this installs it with apt-get when /usr/bin/chromium is
// missing (the machine reaches Debian's packages, and nothing may download a browser of its own).
// Run before the browser tests by their globalSetup, and by hand: node scripts/ensure-chromium.ts
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = "/usr/bin/chromium";

function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${r.status ?? r.signal}`);
}

export function ensureChromium(): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  console.log(`Cài Chromium của Debian / installing Debian's chromium (${CHROMIUM} missing)`);
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (command: string[]) => {
    // another install (the other tool, a test run beside this one) holds the lock for minutes: wait for it
    const args = ["-o", "DPkg::Lock::Timeout=900", ...command];
    if (sudo.length > 0) run("sudo", ["apt-get", ...args]);
    else run("apt-get", args);
  };
  apt(["update", "-qq"]);
  apt(["install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-liberation"]);
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing`);
  return CHROMIUM;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium());
