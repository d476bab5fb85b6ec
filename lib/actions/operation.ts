// Every write the portal offers is an operation: authorize → parse → transact.
// The server action beside the page only adds the session and revalidation,
// so the operation itself is what the integration tests call, role by role.
import type { z } from "zod";
import type { Db, Tx } from "@/db";
import { recordAudit, recordDenied, type Actor } from "@/lib/audit";
import { actorOf, checkPermission, type CurrentUser } from "@/lib/auth/authorize";
import type { Permission } from "@/lib/auth/permissions";
import {
  fail,
  fieldErrorsOf,
  INVALID_INPUT,
  NOT_FOUND,
  type ActionResult,
  type ErrorCode,
  type FieldErrors,
} from "@/lib/result";

/** Thrown inside an operation when the object is missing or belongs to another tenant. */
export class NotFound extends Error {
  constructor(
    readonly objectType: string,
    readonly objectId: string,
  ) {
    super(`${objectType} ${objectId} not found`);
  }
}

/** Thrown inside an operation for input the schema could not judge alone (rolls the transaction back). */
export class InvalidInput extends Error {
  constructor(
    readonly fieldErrors: FieldErrors,
    message = INVALID_INPUT,
  ) {
    super(message);
  }
}

/** Thrown for a valid request the object's state refuses ("this invitation has expired"). */
export class Refused extends Error {
  constructor(
    message: string,
    readonly code?: ErrorCode,
  ) {
    super(message);
  }
}

export interface OperationContext {
  user: CurrentUser;
  actor: Actor;
  db: Db;
  /** Records an audit event in the operation's transaction. */
  audit: (tx: Tx, entry: Parameters<typeof recordAudit>[2]) => Promise<void>;
}

export type Operation<R> = ((db: Db, user: CurrentUser | null, raw: unknown) => Promise<ActionResult<R>>) & {
  /** The permission-table entry it checks (the authorization-matrix tests read it). */
  permission: Permission;
};

export function defineOperation<S extends z.ZodType, R>(
  permission: Permission,
  schema: S,
  handler: (ctx: OperationContext, input: z.output<S>) => Promise<R>,
): Operation<R> {
  const operation = async (db: Db, user: CurrentUser | null, raw: unknown): Promise<ActionResult<R>> => {
    // checkPermission records the denial, anonymous callers included.
    if (!(await checkPermission(db, user, permission, undefined, user?.ip ?? null)) || !user) return fail(NOT_FOUND);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return fail(INVALID_INPUT, fieldErrorsOf(parsed.error));
    const actor = actorOf(user);
    try {
      const data = await handler({ user, actor, db, audit: (tx, entry) => recordAudit(tx, actor, entry) }, parsed.data);
      return { ok: true, data };
    } catch (error) {
      if (error instanceof NotFound) {
        // Another tenant's object, or none: the same answer, and the attempt on record.
        await recordDenied(db, actor, { action: permission, objectType: error.objectType, objectId: error.objectId });
        return fail(NOT_FOUND);
      }
      if (error instanceof InvalidInput) return fail(error.message, error.fieldErrors);
      if (error instanceof Refused) return error.code ? { ok: false, error: error.message, code: error.code } : fail(error.message);
      throw error;
    }
  };
  return Object.assign(operation, { permission });
}
