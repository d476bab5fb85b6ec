import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

const calloutVariants = cva("rounded-md border px-4 py-3 text-sm", {
  variants: {
    tone: {
      info: "border-brand-100 bg-brand-50 text-brand-700",
      warn: "border-amber-200 bg-amber-50 text-amber-900",
      error: "border-red-200 bg-red-50 text-red-800",
      success: "border-emerald-200 bg-emerald-50 text-emerald-800",
    },
  },
  defaultVariants: { tone: "info" },
});

/** A message box. Not role="alert": Next's route announcer already holds that role. */
export function Callout({ className, tone, ...props }: ComponentProps<"div"> & VariantProps<typeof calloutVariants>) {
  return <div className={cn(calloutVariants({ tone }), className)} {...props} />;
}
