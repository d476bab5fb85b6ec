import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-3 px-6 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-sm text-muted">This page does not exist, or it is not available to your account.</p>
      <Link href="/" className="text-sm font-medium text-brand-600 hover:underline">
        Go to your home page
      </Link>
    </main>
  );
}
