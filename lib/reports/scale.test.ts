import { describe, expect, it } from "vitest";
import { niceScale } from "@/lib/reports/scale";

describe("niceScale", () => {
  it("covers the data with ticks at 1, 2 or 5 × 10^n", () => {
    expect(niceScale(0, 777_600, 4)).toEqual({ min: 0, max: 800_000, step: 200_000, ticks: [0, 200_000, 400_000, 600_000, 800_000] });
    expect(niceScale(0, 93, 4)).toEqual({ min: 0, max: 100, step: 50, ticks: [0, 50, 100] });
    expect(niceScale(0, 1, 4)).toEqual({ min: 0, max: 1, step: 1, ticks: [0, 1] });
  });
  it("keeps zero on the axis when some bars are negative", () => {
    const s = niceScale(-1_500, 4_200, 4);
    expect(s.min).toBeLessThanOrEqual(-1_500);
    expect(s.max).toBeGreaterThanOrEqual(4_200);
    expect(s.ticks).toContain(0);
  });
  it("draws a flat or empty series without dividing by zero", () => {
    expect(niceScale(0, 0).ticks).toEqual([0, 25, 50, 75, 100]);
    expect(niceScale(5_000, 5_000).max).toBeGreaterThanOrEqual(5_000);
    expect(niceScale(Number.NaN, 3).ticks).toEqual([0, 1]);
  });
});
