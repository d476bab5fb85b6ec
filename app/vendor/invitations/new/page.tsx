import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/app-shell";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { catalogue } from "@/lib/products/queries";
import { registrationView } from "@/lib/sellers/service";
import { SendInvitationForm } from "./send-invitation-form";

export const metadata: Metadata = { title: "Invite a partner" };

export default async function NewInvitationPage() {
  const user = await requirePermission("invitation.send");
  const [products, registration] = await Promise.all([catalogue(getDb(), user.accountId), registrationView(getDb(), user.accountId)]);
  return (
    <>
      <PageHeader title="Invite a partner to resell" description="Set a wholesale discount per product; the preview shows what the partner will pay." />
      {registration.status !== "complete" ? (
        <Callout tone="warn" className="mb-6">
          You must complete your seller registration before you can send invitations.{" "}
          <Link href="/vendor/registration" className="font-medium underline">
            Open seller registration
          </Link>
        </Callout>
      ) : null}
      {products.length === 0 ? (
        <Callout tone="info">
          You have no products yet.{" "}
          <Link href="/vendor/products/new" className="font-medium underline">
            Create a product
          </Link>{" "}
          first.
        </Callout>
      ) : (
        <Card>
          <CardContent className="pt-5">
            <SendInvitationForm
              catalogue={products.map((p) => ({ id: p.id, name: p.name, currency: p.currency, dimensions: p.dimensions }))}
              minDate={now().toISOString().slice(0, 10)}
              requestKey={randomUUID()}
            />
          </CardContent>
        </Card>
      )}
    </>
  );
}
