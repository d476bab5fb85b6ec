import { describe, expect, it } from "vitest";
import { AUTHORIZATION_STATUSES } from "@/db/enums";
import { canExtendOffers, daysLeft, effectiveStatus, offersLeft, refusal, type Transition } from "@/lib/invitations/state";
import { wholesaleByDimension } from "@/lib/invitations/pricing";
import { endOfDayUtc, sendInvitationSchema } from "@/lib/invitations/validations";

const expiresAt = new Date("2026-12-10T23:59:59.999Z");
const just = (ms: number) => new Date(expiresAt.getTime() + ms);

describe("invitation states", () => {
  it("expires exactly at the accept-by instant", () => {
    expect(effectiveStatus({ status: "pending", expiresAt }, just(-1))).toBe("pending");
    expect(effectiveStatus({ status: "pending", expiresAt }, just(0))).toBe("expired");
    expect(refusal({ status: "pending", expiresAt }, "accept", just(-1))).toBeNull();
    expect(refusal({ status: "pending", expiresAt }, "accept", just(0))).toMatch(/expired/);
    expect(refusal({ status: "pending", expiresAt }, "decline", just(0))).toMatch(/expired/);
  });

  it("allows exactly the transitions of DOMAIN.md", () => {
    const allowed: Record<Transition, string[]> = {
      accept: ["pending"],
      decline: ["pending"],
      revoke: ["accepted"],
      withdraw: ["pending"],
      expire: [],
    };
    for (const transition of Object.keys(allowed) as Transition[]) {
      for (const status of AUTHORIZATION_STATUSES) {
        const ok = refusal({ status, expiresAt }, transition, just(-1000)) === null;
        expect(ok, `${transition} from ${status}`).toBe(allowed[transition].includes(status));
      }
    }
    expect(refusal({ status: "pending", expiresAt }, "expire", just(0))).toBeNull();
    expect(refusal({ status: "accepted", expiresAt }, "expire", just(0))).not.toBeNull();
    // An accepted authorization does not expire with its invitation.
    expect(effectiveStatus({ status: "accepted", expiresAt }, just(1e9))).toBe("accepted");
    expect(refusal({ status: "accepted", expiresAt }, "revoke", just(1e9))).toBeNull();
  });

  it("lets offers be extended only while accepted, before the end date, within one-time use", () => {
    const base = { status: "accepted" as const, expiresAt, endsAt: null, use: "multi_use" as const, offersExtended: 5 };
    expect(canExtendOffers(base, just(1))).toBe(true);
    expect(canExtendOffers({ ...base, status: "revoked" }, just(1))).toBe(false);
    expect(canExtendOffers({ ...base, endsAt: just(10) }, just(9))).toBe(true);
    expect(canExtendOffers({ ...base, endsAt: just(10) }, just(10))).toBe(false);
    expect(canExtendOffers({ ...base, use: "one_time", offersExtended: 0 }, just(1))).toBe(true);
    expect(canExtendOffers({ ...base, use: "one_time", offersExtended: 1 }, just(1))).toBe(false);
    expect(offersLeft({ use: "one_time", offersExtended: 0 })).toBe(1);
    expect(offersLeft({ use: "one_time", offersExtended: 1 })).toBe(0);
    expect(offersLeft({ use: "multi_use", offersExtended: 7 })).toBeNull();
  });

  it("counts days left with part days as days", () => {
    expect(daysLeft(expiresAt, just(-10 * 86_400_000))).toBe(10);
    expect(daysLeft(expiresAt, just(-9.5 * 86_400_000))).toBe(10);
    expect(daysLeft(expiresAt, just(-1))).toBe(1);
    expect(daysLeft(expiresAt, just(0))).toBe(0);
  });

  it("reads an accept-by date as the end of that day in UTC", () => {
    expect(endOfDayUtc("2026-12-10").toISOString()).toBe("2026-12-10T23:59:59.999Z");
    const base = { partnerAccountId: "1234-5678-9012", items: [{ productId: "p", discountPercent: "20" }], use: "multi_use" };
    expect(sendInvitationSchema.safeParse({ ...base, expiresOn: "2026-02-29" }).success).toBe(false); // not a leap year
    expect(sendInvitationSchema.safeParse({ ...base, expiresOn: "2028-02-29" }).success).toBe(true);
    expect(sendInvitationSchema.safeParse({ ...base, expiresOn: "2028-02-29", endsOn: "2028-02-29" }).error?.issues[0]?.path).toEqual(["endsOn"]);
  });
});

describe("wholesale per dimension", () => {
  it("rounds each unit price half up", () => {
    expect(
      wholesaleByDimension(
        [
          { unitName: "Users", unitPriceCents: 1500 },
          { unitName: "TB", unitPriceCents: 3333 },
          { unitName: "Odd", unitPriceCents: 1 },
        ],
        1250,
      ),
    ).toEqual([
      { unitName: "Users", publicCents: 1500, wholesaleCents: 1313 }, // 1312.5 → 1313
      { unitName: "TB", publicCents: 3333, wholesaleCents: 2916 }, // 2916.375 → 2916
      { unitName: "Odd", publicCents: 1, wholesaleCents: 1 }, // 0.875 → 1
    ]);
  });
});
