import Link from "next/link";

/** Server-rendered paging for short lists: "Rows 1–25 of 120", previous and next, the page in the URL. */
export function Pager({ page, pageSize, total, href }: { page: number; pageSize: number; total: number; href: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize && page === 1) return null;
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const link = "rounded-md border border-line px-3 py-1 text-sm hover:bg-slate-50";
  return (
    <nav className="flex flex-wrap items-center justify-between gap-2 pt-3 text-sm text-muted" aria-label="Pages">
      <span>
        Rows {first}–{last} of {total}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={link} href={href(page - 1)} rel="prev">
            Previous
          </Link>
        ) : null}
        {page < pages ? (
          <Link className={link} href={href(page + 1)} rel="next">
            Next
          </Link>
        ) : null}
      </span>
    </nav>
  );
}

/** A 1-based page number from the URL; anything else is page 1. */
export function pageParam(raw: string | string[] | undefined, max = 100_000): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && /^\d{1,6}$/.test(value) ? Math.min(max, Math.max(1, Number(value))) : 1;
}
