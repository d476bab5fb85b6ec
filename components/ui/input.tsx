import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return (
    <input
      className={cn(
        "flex h-9 w-full rounded-md border border-line bg-white px-3 py-1 text-sm shadow-xs placeholder:text-slate-400",
        "focus-visible:outline-2 focus-visible:outline-brand-500 disabled:cursor-not-allowed disabled:opacity-50",
        "aria-invalid:border-red-500",
        className,
      )}
      {...props}
    />
  );
}
