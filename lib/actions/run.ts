// The thin server-action side of an operation: session in, revalidation out.
import "server-only";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import type { Operation } from "@/lib/actions/operation";
import { currentUser } from "@/lib/auth/guard";
import type { ActionResult } from "@/lib/result";

export async function runOperation<R>(operation: Operation<R>, raw: unknown, revalidate: string[] = []): Promise<ActionResult<R>> {
  const result = await operation(getDb(), await currentUser(), raw);
  if (result.ok) for (const path of revalidate) revalidatePath(path, "layout");
  return result;
}
