import Link from "next/link";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/guard";
import { areaForRole } from "@/lib/auth/permissions";

const ROLES = [
  ["Vendors", "List products with public prices and authorize consulting partners to resell them at a wholesale discount."],
  ["Consulting partners", "Resell authorized products to your customers through private offers with your own markup."],
  ["Customers", "Accept the offers made for you and pay every seller on one consolidated bill."],
  ["Marketplace", "Run billing and disbursements, and key non-recurring discount deals for partners."],
] as const;

export default async function Landing() {
  const user = await currentUser();
  if (user) redirect(`/${areaForRole(user.role).slug}`);
  return (
    <main className="mx-auto flex min-h-dvh max-w-4xl flex-col justify-center gap-10 px-6 py-16">
      <div className="grid gap-4">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">cppo-portal</p>
        <h1 className="text-4xl font-semibold tracking-tight sm:text-5xl">Consulting partner private offers</h1>
        <p className="max-w-2xl text-lg text-muted">
          Vendors authorize partners to resell; partners sell to their customers with their own terms; customers pay
          one bill; the marketplace pays every seller its share — correct to the cent.
        </p>
        <div className="flex flex-wrap gap-3">
          <Button asChild size="lg">
            <Link href="/sign-in">Sign in</Link>
          </Button>
          <Button asChild size="lg" variant="secondary">
            <Link href="/sign-up">Create an account</Link>
          </Button>
        </div>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2">
        {ROLES.map(([title, text]) => (
          <li key={title} className="rounded-lg border border-line bg-white p-5">
            <h2 className="font-semibold">{title}</h2>
            <p className="mt-1 text-sm text-muted">{text}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
