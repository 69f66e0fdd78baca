// Reminder e-mail over SMTP (SMTP_URL, e.g. smtp://user:pass@mail.example.gov.vn:587; smtps:// for
// TLS from the start). A send resolves once the server has accepted the message. One connection per
// message: reminders are few, and nothing stays open between them.
import { createTransport } from "nodemailer";

export interface Mailer {
  send(message: {
    to: string;
    subject: string;
    text: string;
    headers?: Record<string, string>;
  }): Promise<void>;
}

export function smtpMailer(url: string, from: string): Mailer {
  // short timeouts: a server that does not answer fails the job, which the queue retries later
  const transport = createTransport(
    { url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 },
    { from },
  );
  return {
    async send(message) {
      await transport.sendMail(message);
    },
  };
}
