import type { Metadata } from "next";
import { InvitationDetail } from "@/app/_invitations/invitation-detail";
import { Timeline } from "@/app/_shell/timeline";
import { timelineFor } from "@/lib/backoffice/queries";
import { RevokePanel } from "@/app/_invitations/respond-panel";
import { Callout } from "@/components/ui/callout";
import { getDb } from "@/db";
import { deniedNotFound, requirePermission } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { invitationDetail } from "@/lib/invitations/queries";

export const metadata: Metadata = { title: "Invitation" };

export default async function VendorInvitationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ sent?: string }>;
}) {
  const user = await requirePermission("invitation.send");
  const { id } = await params;
  const invitation = await invitationDetail(getDb(), id, { isvAccountId: user.accountId });
  if (!invitation) return deniedNotFound(user, "invitation.view", "resale_authorization", id);
  const { sent } = await searchParams;
  return (
    <>
      {sent ? (
        <Callout tone="success" className="mb-4">
          Invitation sent. The partner has been notified.
        </Callout>
      ) : null}
      <InvitationDetail
        invitation={invitation}
        side="vendor"
        now={now()}
      history={<Timeline entries={await timelineFor(getDb(), [invitation.id], { role: "isv", accountId: user.accountId })} />}
        actions={
          invitation.status === "accepted" || invitation.status === "pending" ? <RevokePanel invitationId={invitation.id} pending={invitation.status === "pending"} /> : undefined
        }
      />
    </>
  );
}
