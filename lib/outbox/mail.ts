// The e-mail of one event to one person: plain text and HTML from the event's
// own words (written for the recipient account by the change that raised it,
// so it carries only what that account may see), the facts it lists, and a
// link into the portal. The Message-ID is a function of event and recipient, so
// a message resent after a crash is recognisably the same message.
import type { outboxEvents } from "@/db/schema";
import type { Role } from "@/db/enums";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { eventType } from "@/lib/outbox/events";

export interface MailRecipient {
  id: string;
  email: string;
  name: string;
  role: Role;
  accountName: string;
}

export interface ComposedMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

type Event = Pick<typeof outboxEvents.$inferSelect, "id" | "kind" | "title" | "body" | "href" | "facts">;

const AREA: Record<Role, string> = { isv: "/vendor", partner: "/partner", customer: "/buyer", rep: "/marketplace" };

/** The portal's public address for links in mail: APP_URL, else AUTH_URL, else the local default. */
export function appUrl(): string {
  const raw = process.env.APP_URL || process.env.AUTH_URL || "http://localhost:3000";
  return raw.replace(/\/+$/, "");
}

export function messageIdOf(eventId: string, userId: string, base: string = appUrl()): string {
  let host = "cppo-portal.local";
  try {
    host = new URL(base).hostname || host;
  } catch {
    // keep the default
  }
  return `<${eventId}.${userId}@${host}>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Only paths inside the portal become links (an event's href is written by our code, but mail leaves the building). */
function portalLink(base: string, href: string | null, role: Role): string {
  const path = href && href.startsWith("/") && !href.startsWith("//") ? href : `${AREA[role]}/notifications`;
  return `${base}${path}`;
}

export function composeMail(event: Event, to: MailRecipient, base: string = appUrl()): ComposedMail {
  const type = eventType(event.kind);
  const link = portalLink(base, event.href, to.role);
  const settings = `${base}${AREA[to.role]}/account`;
  const facts = Object.entries(event.facts ?? {});
  const text = [
    `Hello ${to.name},`,
    "",
    event.title,
    "",
    event.body,
    ...(facts.length ? ["", ...facts.map(([label, value]) => `${label}: ${value}`)] : []),
    "",
    `${type.action}: ${link}`,
    "",
    "--",
    `You receive this as a ${ROLE_LABELS[to.role].toLowerCase()} at ${to.accountName} ("${type.label}").`,
    `Choose which events e-mail you: ${settings}`,
    "",
  ].join("\n");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(event.title)}</title></head>
<body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#0f172a">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px">
<p style="margin:0 0 12px">Hello ${escapeHtml(to.name)},</p>
<h1 style="font-size:18px;margin:0 0 12px">${escapeHtml(event.title)}</h1>
<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(event.body)}</p>
${
  facts.length
    ? `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px;font-size:14px">${facts
        .map(([label, value]) => `<tr><td style="padding:4px 16px 4px 0;color:#64748b">${escapeHtml(label)}</td><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`)
        .join("")}</table>`
    : ""
}<p style="margin:0 0 24px"><a href="${escapeHtml(link)}" style="display:inline-block;background:#4f46e5;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px">${escapeHtml(type.action)}</a></p>
<p style="margin:0;font-size:12px;color:#64748b">You receive this as a ${escapeHtml(ROLE_LABELS[to.role].toLowerCase())} at ${escapeHtml(to.accountName)} (“${escapeHtml(type.label)}”). <a href="${escapeHtml(settings)}" style="color:#64748b">Choose which events e-mail you</a>.</p>
</div></body></html>
`;
  return { messageId: messageIdOf(event.id, to.id, base), to: to.email, subject: event.title, text, html };
}
