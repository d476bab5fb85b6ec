import type { Metadata } from "next";
import { InvitationDetail } from "@/app/_invitations/invitation-detail";
import { Timeline } from "@/app/_shell/timeline";
import { timelineFor } from "@/lib/backoffice/queries";
import { RespondPanel } from "@/app/_invitations/respond-panel";
import { getDb } from "@/db";
import { deniedNotFound, requirePermission } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { invitationDetail } from "@/lib/invitations/queries";
import { registrationView } from "@/lib/sellers/service";

export const metadata: Metadata = { title: "Invitation" };

export default async function PartnerInvitationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("invitation.respond");
  const { id } = await params;
  const invitation = await invitationDetail(getDb(), id, { partnerAccountId: user.accountId });
  if (!invitation) return deniedNotFound(user, "invitation.view", "resale_authorization", id);
  const registration = await registrationView(getDb(), user.accountId);
  return (
    <InvitationDetail
      invitation={invitation}
      side="partner"
      now={now()}
      history={<Timeline entries={await timelineFor(getDb(), [invitation.id], { role: "partner", accountId: user.accountId })} />}
      actions={
        invitation.status === "pending" ? (
          <RespondPanel invitationId={invitation.id} registered={registration.status === "complete"} />
        ) : undefined
      }
    />
  );
}
