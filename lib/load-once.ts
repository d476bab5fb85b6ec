/**
 * `load`, called at most once: every caller shares its promise. A load that fails is tried again by the
 * next caller (a chunk that did not arrive while offline arrives later).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
}
