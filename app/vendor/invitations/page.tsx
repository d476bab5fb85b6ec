import type { Metadata } from "next";
import Link from "next/link";
import { InvitationsTable } from "@/app/_invitations/invitations-table";
import { PageHeader } from "@/components/shell/app-shell";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { listSentInvitations } from "@/lib/invitations/queries";
import { SENT_TABLE } from "@/lib/invitations/table";
import { type RawSearchParams } from "@/lib/tables/params";
import { parseTableParams } from "@/lib/tables/parse";

export const metadata: Metadata = { title: "Invitations" };

export default async function VendorInvitationsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("invitation.send");
  const params = parseTableParams(SENT_TABLE, await searchParams);
  const { rows, total } = await listSentInvitations(getDb(), user.accountId, params);
  return (
    <>
      <PageHeader
        title="Invitations to resell"
        description="Partners you invited, with each invitation's status. Revoke an accepted authorization from its page."
        actions={
          <Button asChild>
            <Link href="/vendor/invitations/new">Invite a partner</Link>
          </Button>
        }
      />
      <InvitationsTable
        side="vendor"
        rows={rows}
        total={total}
        params={params}
        now={now().toISOString()}
        emptyState={
          <p>
            No invitations yet. Ask a consulting partner for its 12-digit account id, then{" "}
            <Link href="/vendor/invitations/new" className="font-medium text-brand-700 hover:underline">
              invite it to resell
            </Link>
            .
          </p>
        }
      />
    </>
  );
}
