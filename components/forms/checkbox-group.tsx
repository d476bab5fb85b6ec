"use client";
import type { ReactNode } from "react";

/** A set of checkboxes under a legend, over a Set of chosen values. */
export function CheckboxGroup({
  legend,
  options,
  value,
  onChange,
  error,
}: {
  legend: string;
  options: readonly { value: string; label: ReactNode }[];
  value: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  error?: string;
}) {
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="h-4 w-4 accent-brand-600"
            checked={value.has(option.value)}
            onChange={(e) => {
              const next = new Set(value);
              if (e.target.checked) next.add(option.value);
              else next.delete(option.value);
              onChange(next);
            }}
          />
          {option.label}
        </label>
      ))}
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}
