import type { ReactNode } from "react";

/** One labelled figure or fact on a detail page. */
export function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <p className="text-xs font-medium uppercase tracking-wide text-muted">{label}</p>
      <div className="mt-0.5 text-sm" data-testid={testId}>
        {children}
      </div>
    </div>
  );
}

/** A grid of facts: [label, value, test id]. */
export function Facts({ items }: { items: readonly (readonly [label: string, value: ReactNode, testId?: string])[] }) {
  return (
    <>
      {items.map(([label, value, testId]) => (
        <Fact key={label} label={label} testId={testId}>
          {value}
        </Fact>
      ))}
    </>
  );
}
