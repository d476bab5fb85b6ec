import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** A table inside its own horizontal scroller, so wide tables scroll on a phone instead of the page. */
export function Table({ className, containerClassName, ...props }: ComponentProps<"table"> & { containerClassName?: string }) {
  return (
    <div className={cn("relative w-full overflow-x-auto rounded-lg border border-line bg-white", containerClassName)}>
      <table className={cn("w-full caption-bottom border-collapse text-sm", className)} {...props} />
    </div>
  );
}

export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("bg-slate-50 [&_tr]:border-b [&_tr]:border-line", className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}

export const TABLE_ROW_CLASS = "border-b border-line transition-colors hover:bg-slate-50/60";
export const TABLE_CELL_CLASS = "px-3 py-2.5 align-middle";

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn(TABLE_ROW_CLASS, className)} {...props} />;
}

export function TableHead({ className, ...props }: ComponentProps<"th">) {
  return (
    <th
      className={cn("h-10 whitespace-nowrap px-3 text-left align-middle text-xs font-medium text-muted", className)}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn(TABLE_CELL_CLASS, className)} {...props} />;
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption className={cn("mt-3 text-sm text-muted", className)} {...props} />;
}
