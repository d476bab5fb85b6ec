// A workaround for a memory leak of React's Flight server under Next.js 16 (react/react#37288,
// vercel/next.js#97434), measured here by the load bench's soak: on PostgreSQL the server grew from
// 480 MB to 2.4 GB resident in 5 minutes, and with its heap capped at 512 MB it died of "heap out
// of memory" after 140 s; two heap snapshots 40 s apart held one more IncomingMessage,
// ServerResponse and Flight request for every request served in between.
//
// Every render aborts AbortControllers with an Error as the reason (React's "This render completed
// successfully…" for its cacheSignal, among others). V8 records an Error's stack lazily: until
// someone reads `.stack`, it keeps the frames as objects, and a frame keeps its receiver — here the
// Immediate the abort ran in, which carries the request's async context (the whole render), and
// whose stale queue links reach the Immediates of the next renders, which carry theirs. Nobody ever
// reads these stacks, so every render stays reachable from the one before it.
//
// Reading `.stack` once makes V8 format it into a string and drop the frames. This does that for
// every abort reason in the process (a few string formats per render), before Next.js loads.
const INSTALLED = Symbol.for("cppo-portal.materializeAbortReasons");

export function materializeAbortReasons() {
  const abort = AbortController.prototype.abort;
  // Once per process, however many times (or module instances) ask.
  if (abort[INSTALLED]) return;
  const patched = function abortWithMaterializedReason(reason) {
    const result = abort.call(this, reason);
    // The reason given, or the DOMException Node made when none was.
    const given = this.signal.reason;
    if (given instanceof Error) void given.stack;
    return result;
  };
  patched[INSTALLED] = true;
  AbortController.prototype.abort = patched;
}

materializeAbortReasons();
