import { describe, expect, it } from "vitest";
import { loadOnce } from "@/lib/load-once";

describe("loadOnce", () => {
  it("loads once however many callers ask, all of them sharing the value", async () => {
    let calls = 0;
    const load = loadOnce(async () => ({ n: ++calls }));
    const [a, b] = await Promise.all([load(), load()]);
    const c = await load();
    expect(calls).toBe(1);
    expect(a).toBe(b);
    expect(c).toBe(a);
  });

  it("tries again after a failed load, and keeps the first success", async () => {
    let calls = 0;
    const load = loadOnce(async () => {
      calls += 1;
      if (calls === 1) throw new Error("offline");
      return calls;
    });
    await expect(load()).rejects.toThrow("offline");
    expect(await load()).toBe(2);
    expect(await load()).toBe(2);
    expect(calls).toBe(2);
  });
});
