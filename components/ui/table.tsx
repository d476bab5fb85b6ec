import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** A table inside its own horizontal scroller, so wide tables scroll on a phone instead of the page. */
export function Table({ className, containerClassName, ...props }: ComponentProps<"table"> & { containerClassName?: string }) {
  return (
    <div className={cn("relative w-full overflow-x-auto rounded-lg border border-line bg-white", containerClassName)}>
      <table className={cn("ui-table w-full caption-bottom border-collapse text-sm", className)} {...props} />
    </div>
  );
}

// The header, the body, rows, header cells and cells take their look from the table (`.ui-table` in
// app/globals.css), not a class list each: a 25-row page of seven columns repeated "px-3 py-2.5
// align-middle" and the row's classes ~400 times, in the HTML and again in the page's RSC payload
// (~25 of /vendor/channel's 148 kB), and merged them with tailwind-merge once per cell. A cell's own
// classes (utilities) still win over the table's (the components layer).

export function TableHeader(props: ComponentProps<"thead">) {
  return <thead {...props} />;
}

export function TableBody(props: ComponentProps<"tbody">) {
  return <tbody {...props} />;
}

export function TableRow(props: ComponentProps<"tr">) {
  return <tr {...props} />;
}

export function TableHead(props: ComponentProps<"th">) {
  return <th {...props} />;
}

export function TableCell(props: ComponentProps<"td">) {
  return <td {...props} />;
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption className={cn("mt-3 text-sm text-muted", className)} {...props} />;
}
