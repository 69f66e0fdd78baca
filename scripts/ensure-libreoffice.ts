// The report tests open generated DOCX files in LibreOffice (to PDF) and render the PDF's pages with
// poppler (to PNG), as a reader's office would: this installs Debian's headless Writer and
// poppler-utils with apt-get when either is missing. Run by the report tests before they convert,
// and by hand: node scripts/ensure-libreoffice.ts
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const LIBREOFFICE = "/usr/bin/libreoffice";
export const PDFTOPPM = "/usr/bin/pdftoppm";

function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${r.status ?? r.signal}`);
}

export function ensureLibreOffice(): { libreoffice: string; pdftoppm: string } {
  if (existsSync(LIBREOFFICE) && existsSync(PDFTOPPM))
    return { libreoffice: LIBREOFFICE, pdftoppm: PDFTOPPM };
  console.log(
    "Cài LibreOffice Writer và poppler của Debian / installing Debian's LibreOffice Writer and poppler",
  );
  const apt = (command: string[]) => {
    // another install (the other tool, a test run beside this one) holds the lock for minutes: wait for it
    const args = ["-o", "DPkg::Lock::Timeout=900", ...command];
    if (process.getuid?.() === 0) run("apt-get", args);
    else run("sudo", ["apt-get", ...args]);
  };
  apt(["update", "-qq"]);
  // the metric-compatible Liberation fonts stand in for Times New Roman
  apt([
    "install",
    "-y",
    "-qq",
    "--no-install-recommends",
    "libreoffice-writer-nogui",
    "poppler-utils",
    "fonts-liberation2",
  ]);
  for (const path of [LIBREOFFICE, PDFTOPPM])
    if (!existsSync(path)) throw new Error(`apt-get ran but ${path} is still missing`);
  return { libreoffice: LIBREOFFICE, pdftoppm: PDFTOPPM };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureLibreOffice());
