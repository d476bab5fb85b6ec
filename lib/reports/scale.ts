// A "nice" linear axis for the charts: bounds and ticks at 1, 2 or 5 × 10^n,
// covering [min, max] with about `count` steps. Plain arithmetic, tested.

export interface NiceScale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

export function niceScale(min: number, max: number, count = 4): NiceScale {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { min: 0, max: 1, step: 1, ticks: [0, 1] };
  if (min === max) {
    if (min === 0) return { min: 0, max: 100, step: 25, ticks: [0, 25, 50, 75, 100] };
    [min, max] = min > 0 ? [0, min] : [min, 0];
  }
  // Whole cents: a step never falls below one cent.
  const step = Math.max(1, niceStep(max - min, count));
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let t = lo; t <= hi + step / 2; t += step) ticks.push(Math.round(t));
  return { min: lo, max: hi, step, ticks };
}
