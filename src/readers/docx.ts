// .docx → text: the main document part (found through the package relationships), its numbering and
// styles, read as paragraphs and tables. See docx-tree.ts and docx-render.ts for what is kept.
import { Numbering } from "./docx-numbering.ts";
import { blocksToLines } from "./docx-render.ts";
import { readBlocks } from "./docx-tree.ts";
import { ReadError } from "./errors.ts";
import { walkXml } from "./xml.ts";
import { openZip, type ZipArchive, ZipError } from "./zip.ts";

const utf8 = new TextDecoder("utf-8");

function part(zip: ZipArchive, name: string): string | null {
  const bytes = zip.read(name);
  return bytes ? utf8.decode(bytes) : null;
}

/** The officeDocument target of _rels/.rels: word/document.xml nearly always. */
function mainPartName(zip: ZipArchive): string {
  const rels = part(zip, "_rels/.rels");
  let target: string | null = null;
  if (rels) {
    walkXml(rels, {
      open(name, a) {
        if (name === "Relationship" && a.Type?.endsWith("/officeDocument") && a.Target) target ??= a.Target;
      },
    });
  }
  return (target ?? "word/document.xml").replace(/^\//, "");
}

export function readDocx(bytes: Uint8Array, name: string): string {
  try {
    const zip = openZip(bytes);
    const main = mainPartName(zip);
    const folder = main.includes("/") ? main.slice(0, main.lastIndexOf("/") + 1) : "";
    const xml = part(zip, main);
    if (xml === null) throw new ReadError("file-corrupt", { name, format: "DOCX" });
    const numbering = new Numbering(part(zip, `${folder}numbering.xml`), part(zip, `${folder}styles.xml`));
    return blocksToLines(readBlocks(xml, numbering)).join("\n");
  } catch (error) {
    if (error instanceof ReadError) throw error;
    if (error instanceof ZipError && error.kind === "too-large") {
      throw new ReadError("file-too-large", { name, detail: error.message }, { cause: error });
    }
    if (error instanceof ZipError && error.kind === "encrypted") {
      throw new ReadError("file-encrypted", { name }, { cause: error });
    }
    throw new ReadError("file-corrupt", { name, format: "DOCX" }, { cause: error });
  }
}
