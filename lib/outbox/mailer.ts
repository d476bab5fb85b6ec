// Where e-mail goes: the SMTP server named by SMTP_URL (nodemailer), or — with
// none configured, the embedded default — nowhere outside the portal: the
// message is kept in mail_messages and read in the portal. Either way the
// dispatcher records what it sent.
import nodemailer from "nodemailer";
import type { MailTransport } from "@/db/enums";
import type { ComposedMail } from "@/lib/outbox/mail";

export interface Mailer {
  transport: MailTransport;
  /** Hands the message over; throws (with `responseCode` where the server gave one) when it was not accepted. */
  send(mail: ComposedMail): Promise<void>;
  close(): void;
}

export const KEPT_MAILER: Mailer = { transport: "kept", send: async () => undefined, close: () => undefined };

export function mailFrom(): string {
  return process.env.MAIL_FROM || "Marketplace <no-reply@cppo-portal.local>";
}

/** An SMTP mailer for `url` (smtp:// or smtps://, credentials in the URL). */
export function smtpMailer(url: string, options: { from?: string; timeoutMs?: number } = {}): Mailer {
  const timeout = options.timeoutMs ?? 30_000;
  const transporter = nodemailer.createTransport(url, { connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  const from = options.from ?? mailFrom();
  return {
    transport: "smtp",
    async send(mail) {
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId });
    },
    close: () => transporter.close(),
  };
}

/** The mailer the environment configures. */
export function configuredMailer(): Mailer {
  const url = process.env.SMTP_URL?.trim();
  return url ? smtpMailer(url) : KEPT_MAILER;
}
