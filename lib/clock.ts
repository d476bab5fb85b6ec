// The one source of "now" for business decisions. Tests and the demo can pin it.
let pinned: Date | null = null;

export function now(): Date {
  return pinned ? new Date(pinned.getTime()) : new Date();
}

/** Pin the clock (tests, demo, a chosen billing period); `null` returns to real time. */
export function setClock(at: Date | null): void {
  pinned = at ? new Date(at.getTime()) : null;
}

/** The pinned instant, or null when the clock runs (to restore a pin after pinning it for a while). */
export function pinnedClock(): Date | null {
  return pinned ? new Date(pinned.getTime()) : null;
}
