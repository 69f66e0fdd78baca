// What the test files share, done once before they run in parallel: Debian's Chromium and
// LibreOffice installed when missing (two apt-get runs at once would fight over dpkg's lock), and
// the web UI built when stale (two builds at once would empty web/dist under each other).
import { ensureChromium } from "./ensure-chromium.ts";
import { ensureLibreOffice } from "./ensure-libreoffice.ts";
import { ensureWeb } from "./ensure-web.ts";

ensureChromium();
ensureLibreOffice();
ensureWeb();
