// A real SMTP server in the test process (smtp-server), so tests deliver mail
// over the wire with nodemailer and read what arrived (mailparser).
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import type { AddressInfo } from "node:net";

export interface ReceivedMail {
  messageId: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
}

/** What the server answers to one message: accept it (undefined), or refuse it with an SMTP code. */
export type Verdict = undefined | { code: number; message: string } | "hang";

export interface TestSmtpServer {
  url: string;
  received: ReceivedMail[];
  /** Decides each message before it is accepted (default: accept). "hang" never answers. */
  judge: (mail: ReceivedMail) => Verdict | Promise<Verdict>;
  /**
   * Resolves once every message whose data has begun to arrive is decided (received, refused, failed
   * or hung): a client killed mid-send may have handed over messages still being read.
   */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const state: TestSmtpServer = {
    url: "",
    received: [],
    judge: () => undefined,
    settled: async () => {
      while (deciding > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    },
    close: async () => undefined,
  };
  let deciding = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      deciding++;
      simpleParser(stream)
        .then(async (parsed) => {
          const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(", ") : (parsed.to?.text ?? "");
          const mail: ReceivedMail = { messageId: parsed.messageId ?? "", to, from: parsed.from?.text ?? "", subject: parsed.subject ?? "", text: parsed.text ?? "", html: typeof parsed.html === "string" ? parsed.html : "" };
          const verdict = await state.judge(mail);
          if (verdict === "hang") return;
          if (verdict) {
            callback(Object.assign(new Error(verdict.message), { responseCode: verdict.code }));
            return;
          }
          state.received.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error))
        .finally(() => deciding--);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  state.url = `smtp://127.0.0.1:${port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
