// Test-only: a password-protected PDF (pdfkit encrypts with the standard security handler; pdf-lib
// cannot), the kind a user gets when an office locks a file before sending it.
import PDFDocument from "pdfkit";

export function encryptedPdf(text: string, userPassword = "mat-khau"): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ userPassword, ownerPassword: `${userPassword}-owner`, pdfVersion: "1.7" });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
    doc.text(text);
    doc.end();
  });
}
