// A real SMTP server on loopback (the smtp-server package) that keeps what it is sent, and a small
// reader of the messages it received (RFC 5322 headers with RFC 2047 encoded words, a text/plain
// body in quoted-printable or base64): what a mail client would show.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface DeliveredMail {
  envelopeFrom: string;
  envelopeTo: string[];
  raw: string;
}

export interface TestSmtp {
  /** smtp://user:pass@127.0.0.1:port */
  url: string;
  delivered: DeliveredMail[];
  /** Refuses the next `times` recipients `address` with a temporary error (451). */
  failNext(address: string, times: number): void;
  /** Recipients refused so far. */
  refused: string[];
  close(): Promise<void>;
}

export async function startSmtp(auth = { user: "trienkhai", pass: "mat-khau-smtp" }): Promise<TestSmtp> {
  const delivered: DeliveredMail[] = [];
  const refused: string[] = [];
  const failures = new Map<string, number>();
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    onAuth(a, _session, callback) {
      if (a.username === auth.user && a.password === auth.pass) callback(null, { user: a.username });
      else callback(new Error("invalid credentials"));
    },
    onRcptTo(address, _session, callback) {
      const left = failures.get(address.address) ?? 0;
      if (left > 0) {
        failures.set(address.address, left - 1);
        refused.push(address.address);
        callback(Object.assign(new Error("mailbox busy, try later"), { responseCode: 451 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        delivered.push({
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("latin1"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${auth.user}:${auth.pass}@127.0.0.1:${port}`,
    delivered,
    refused,
    failNext: (address, times) => failures.set(address, times),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReadMail {
  headers: Map<string, string>;
  subject: string;
  from: string;
  to: string;
  text: string;
}

/** Bytes of a quoted-printable text (in a header's Q encoding, "_" is a space). */
function quotedPrintable(s: string, header: boolean): Buffer {
  const t = (header ? s.replace(/_/g, " ") : s).replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const hex = t.slice(i + 1, i + 3);
    if (t[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(t.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

/** A header value with its encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) decoded. */
function headerText(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  // whitespace between two encoded words is not part of the text; a character may span two words
  const joined = value.replace(/(\?=)\s+(?==\?)/g, "$1");
  let out = "";
  let pending: Buffer[] = [];
  let last = 0;
  for (const m of joined.matchAll(word)) {
    if (m.index > last) {
      out += Buffer.concat(pending).toString("utf8") + joined.slice(last, m.index);
      pending = [];
    }
    pending.push(
      m[2]?.toUpperCase() === "B" ? Buffer.from(m[3] ?? "", "base64") : quotedPrintable(m[3] ?? "", true),
    );
    last = m.index + m[0].length;
  }
  return out + Buffer.concat(pending).toString("utf8") + joined.slice(last);
}

/** Reads a single-part text message as its recipient would see it. */
export function readMail(raw: string): ReadMail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split);
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) headers.set(line.slice(0, i).toLowerCase(), headerText(line.slice(i + 1).trim()));
  }
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const bytes =
    encoding === "quoted-printable"
      ? quotedPrintable(body, false)
      : encoding === "base64"
        ? Buffer.from(body, "base64")
        : Buffer.from(body, "latin1");
  return {
    headers,
    subject: headers.get("subject") ?? "",
    from: headers.get("from") ?? "",
    to: headers.get("to") ?? "",
    text: bytes.toString("utf8").replace(/\r\n/g, "\n"),
  };
}
