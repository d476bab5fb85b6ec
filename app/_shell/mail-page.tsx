import Link from "next/link";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { getDb } from "@/db";
import { deniedNotFound, requireArea } from "@/lib/auth/guard";
import type { AreaSlug } from "@/lib/auth/permissions";
import { readMail } from "@/lib/outbox/service";

/** One e-mail the portal sent or kept, as its recipient received it: headers, the text part, the HTML part behind a link. */
export async function MailPage({ area, id }: { area: AreaSlug; id: string }) {
  const user = await requireArea(area);
  const mail = await readMail(getDb(), user, id);
  if (!mail) return deniedNotFound(user, "mail.read", "mail_message", id);
  return (
    <>
      <PageHeader
        title={mail.subject}
        description={mail.transport === "kept" ? "No mail server is configured, so the portal kept this e-mail instead of sending it." : "Sent through the configured mail server."}
        actions={
          <Link className="text-sm text-brand-700 underline" href={`/${area}/notifications`}>
            Back to notifications
          </Link>
        }
      />
      <Card>
        <CardContent className="grid gap-5 pt-5">
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <Facts
              items={[
                ["To", mail.toAddress],
                ["Date", `${mail.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC`],
                ["Delivery", <Badge key="t" tone={mail.transport === "kept" ? "info" : "good"}>{mail.transport === "kept" ? "Kept in the portal" : "Sent by SMTP"}</Badge>],
              ]}
            />
          </div>
          <pre className="whitespace-pre-wrap break-words rounded-md border border-line bg-slate-50 p-4 font-sans text-sm" data-testid="mail-text">
            {mail.text}
          </pre>
          <p className="text-xs text-muted">
            Message-ID <span className="font-mono">{mail.messageId}</span> ·{" "}
            <a className="text-brand-700 underline" href={`/api/mail/${mail.id}/html`} target="_blank" rel="noopener noreferrer">
              View the HTML version
            </a>
          </p>
        </CardContent>
      </Card>
    </>
  );
}
