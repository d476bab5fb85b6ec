/** Makes every AbortController's reason format its stack as it is aborted (idempotent); installed on import. */
export function materializeAbortReasons(): void;
