import type { Metadata } from "next";
import { InvitationsTable } from "@/app/_invitations/invitations-table";
import { PageHeader } from "@/components/shell/app-shell";
import { getDb } from "@/db";
import { formatAccountId } from "@/lib/account-id";
import { requirePermission } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { listReceivedInvitations } from "@/lib/invitations/queries";
import { RECEIVED_TABLE } from "@/lib/invitations/table";
import { type RawSearchParams } from "@/lib/tables/params";
import { parseTableParams } from "@/lib/tables/parse";

export const metadata: Metadata = { title: "Invitations" };

export default async function PartnerInvitationsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("invitation.respond");
  const params = parseTableParams(RECEIVED_TABLE, await searchParams);
  const { rows, total } = await listReceivedInvitations(getDb(), user.accountId, params);
  return (
    <>
      <PageHeader title="Invitations to resell" description="Pending invitations first, with the days left to accept." />
      <InvitationsTable
        side="partner"
        rows={rows}
        total={total}
        params={params}
        now={now().toISOString()}
        emptyState={
          <p>
            No invitations yet. Give your account id <span className="font-mono">{formatAccountId(user.accountId)}</span> to the
            vendors whose products you want to resell; their invitations appear here.
          </p>
        }
      />
    </>
  );
}
