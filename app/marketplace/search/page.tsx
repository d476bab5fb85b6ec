import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db";
import { formatAccountId } from "@/lib/account-id";
import { requirePermission } from "@/lib/auth/guard";
import { searchEverything } from "@/lib/backoffice/queries";
import { dayOf } from "@/lib/dates";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Find" };

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          {title} <span className="text-sm font-normal text-muted">({count})</span>
        </CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="grid gap-2 text-sm">{children}</ul>
      </CardContent>
    </Card>
  );
}

const link = "font-medium text-brand-700 hover:underline";

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  await requirePermission("backoffice.view");
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const found = await searchEverything(getDb(), q);
  const total = found ? found.accounts.length + found.offers.length + found.agreements.length + found.invitations.length + found.bills.length : 0;
  return (
    <>
      <PageHeader title="Find" description="Any account (by name, account id or a user's email), offer (by name or id), agreement, invitation or bill (by number or id)." />
      <form className="mb-6 flex flex-wrap gap-2" role="search">
        <Input name="q" defaultValue={q} placeholder="e.g. Acme, 8513-4796-2018, B-202611, off_…" aria-label="Find" className="w-full max-w-md" maxLength={100} />
        <Button type="submit">Find</Button>
      </form>
      {!found ? (
        <p className="text-sm text-muted">Type at least two characters.</p>
      ) : total === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-white p-6 text-sm text-muted">Nothing matches “{q}”. Try part of a name, a 12-digit account id, a bill number or an id from a URL.</p>
      ) : (
        <div className="grid gap-4" data-testid="search-results">
          <Section title="Accounts" count={found.accounts.length}>
            {found.accounts.map((a) => (
              <li key={a.id}>
                <Link className={link} href={`/marketplace/accounts/${a.id}`}>
                  {a.name}
                </Link>{" "}
                <span className="whitespace-nowrap font-mono text-xs text-muted">{formatAccountId(a.id)}</span> <Badge>{a.type}</Badge>
                {a.email ? <span className="ml-2 text-xs text-muted">{a.email}</span> : null}
              </li>
            ))}
          </Section>
          <Section title="Offers" count={found.offers.length}>
            {found.offers.map((o) => (
              <li key={o.id}>
                <Link className={link} href={`/marketplace/offers/${o.id}`}>
                  {o.name}
                </Link>{" "}
                <span className="text-muted">
                  {o.partnerName} → {o.customerName} · {o.status}
                </span>
              </li>
            ))}
          </Section>
          <Section title="Agreements" count={found.agreements.length}>
            {found.agreements.map((a) => (
              <li key={a.id}>
                <Link className={link} href={`/marketplace/agreements/${a.id}`}>
                  {a.productName}
                </Link>{" "}
                <span className="text-muted">
                  {a.partnerName} → {a.customerName} · from {dayOf(a.startsAt)}
                </span>
              </li>
            ))}
          </Section>
          <Section title="Invitations" count={found.invitations.length}>
            {found.invitations.map((i) => (
              <li key={i.id}>
                <Link className={link} href={`/marketplace/invitations/${i.id}`}>
                  {i.isvName} → {i.partnerName}
                </Link>{" "}
                <span className="text-muted">
                  {i.status} · sent {dayOf(i.createdAt)}
                </span>
              </li>
            ))}
          </Section>
          <Section title="Bills" count={found.bills.length}>
            {found.bills.map((b) => (
              <li key={b.id}>
                <Link className={`${link} font-mono text-xs`} href={`/marketplace/bills/${b.id}`}>
                  {b.number}
                </Link>{" "}
                <span className="text-muted">
                  {b.customerName} · {b.period} · {b.status} · {formatMoney(b.totalCents, b.currency)}
                </span>
              </li>
            ))}
          </Section>
        </div>
      )}
    </>
  );
}
