import { Callout } from "@/components/ui/callout";

type Params = Promise<Record<string, string | string[] | undefined>>;

/** The sentence a home page owes someone arriving from sign-up or a finished registration. */
export async function ArrivalNotice({ searchParams, accountName }: { searchParams: Params; accountName: string }) {
  const params = await searchParams;
  if (params.registered) {
    return (
      <Callout tone="success" className="mb-6" data-testid="arrival-notice">
        Seller registration complete: {accountName} can now be seller of record, and payouts go to the bank account on file.
      </Callout>
    );
  }
  if (params.welcome) {
    return (
      <Callout tone="success" className="mb-6" data-testid="arrival-notice">
        Welcome to the portal: the account {accountName} is ready.
      </Callout>
    );
  }
  return null;
}
