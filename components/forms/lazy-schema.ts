"use client";
// A form's zod schema, loaded after the page instead of with it.
//
// zod is 31 kB gzip in the browser, a sixth of a form page's first-load JavaScript. The schemas
// stay the server's own (lib/*/validations.ts, checked again by every action); the browser fetches
// them as a separate chunk once the form has mounted, so a user who types at once finds them there,
// and the first submit waits for them if it ever comes first.
import { useEffect, useMemo, useRef, useState } from "react";
import type { FieldValues, Resolver } from "react-hook-form";
import type * as z from "zod/v4/core";
import { loadOnce } from "@/lib/load-once";

export { loadOnce };

/** The loaded value, or null until it has arrived; starts loading on mount. */
export function useLoaded<T>(load: () => Promise<T>): T | null {
  const [value, setValue] = useState<{ current: T } | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (loaded) => live && setValue({ current: loaded }),
      () => {}, // not arrived (offline): the caller's check waits for it again, and the server checks anyway
    );
    return () => {
      live = false;
    };
  }, [load]);
  return value?.current ?? null;
}

/**
 * react-hook-form's zod resolver over a schema loaded by `load` (give it a `loadOnce` loader, or
 * one built on it). The newest `load` the component rendered with is the one used, so a schema
 * refined with the component's props sees the current props. Loading starts on mount.
 */
export function useLazyZodResolver<Input extends FieldValues, Output>(
  load: () => Promise<z.$ZodType<Output, Input>>,
): Resolver<Input, unknown, Output> {
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    void latest.current().catch(() => {});
    void loadResolvers().catch(() => {});
  }, []);
  return useMemo<Resolver<Input, unknown, Output>>(
    () => async (values, context, options) => {
      let loaded;
      try {
        loaded = await Promise.all([latest.current(), loadResolvers()]);
      } catch {
        // The schema did not arrive (offline, or a deploy replaced the chunk): the action checks the
        // same rules on the server and its errors land on the same fields.
        return { values: values as unknown as Output, errors: {} };
      }
      const [schema, { zodResolver }] = loaded;
      return zodResolver(schema)(values, context, options);
    },
    [],
  );
}

const loadResolvers = loadOnce(() => import("@hookform/resolvers/zod"));
