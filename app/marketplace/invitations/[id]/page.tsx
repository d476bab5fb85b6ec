import type { Metadata } from "next";
import Link from "next/link";
import { Timeline } from "@/app/_shell/timeline";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { getDb } from "@/db";
import { deniedNotFound, requirePermission } from "@/lib/auth/guard";
import { invitationForRep } from "@/lib/backoffice/queries";
import { dayOf } from "@/lib/dates";
import { STATUS_LABELS, STATUS_TONES } from "@/lib/invitations/state";

export const metadata: Metadata = { title: "Invitation" };

export default async function RepInvitationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("backoffice.view");
  const { id } = await params;
  const found = await invitationForRep(getDb(), id);
  if (!found) return deniedNotFound(user, "backoffice.view", "resale_authorization", id);
  const i = found.invitation;
  return (
    <>
      <PageHeader title={`${found.isvName} → ${found.partnerName}`} description="Invitation to resell" actions={<Badge tone={STATUS_TONES[i.status]}>{STATUS_LABELS[i.status]}</Badge>} />
      <div className="grid gap-6">
        <Card>
          <CardContent className="grid grid-cols-1 gap-4 pt-5 sm:grid-cols-3">
            <Facts
              items={[
                ["Vendor", <Link key="v" className="underline" href={`/marketplace/accounts/${i.isvAccountId}`}>{found.isvName}</Link>],
                ["Partner", <Link key="p" className="underline" href={`/marketplace/accounts/${i.partnerAccountId}`}>{found.partnerName}</Link>],
                ["Accept by", dayOf(i.expiresAt)],
                ["Use", i.use === "one_time" ? `one-time (${i.offersExtended} of 1 used)` : "multi-use"],
                ["Sent", dayOf(i.createdAt)],
              ]}
            />
          </CardContent>
        </Card>
        <Timeline entries={found.timeline} />
      </div>
    </>
  );
}
