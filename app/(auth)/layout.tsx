import Link from "next/link";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center px-4 py-10">
      <Link href="/" className="mb-6 flex items-center gap-2 text-lg font-semibold">
        <span className="grid h-8 w-8 place-items-center rounded-md bg-brand-600 text-sm text-white">cp</span>
        cppo-portal
      </Link>
      <div className="w-full max-w-md">{children}</div>
    </div>
  );
}
