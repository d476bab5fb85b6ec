import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const originalAbort = AbortController.prototype.abort;

/** A "render": a large working set, and an Error made inside a frame that can reach it, given as an abort reason. */
function render(abort: (controller: AbortController, reason: Error) => void) {
  const workingSet = { rows: new Array(200_000).fill("row") };
  const controller = new AbortController();
  (function complete() {
    // The frame's function reaches the working set through its closure; the Error's lazy stack keeps the frame.
    if (workingSet.rows.length) abort(controller, new Error("This render completed"));
  })();
  return { signal: controller.signal, workingSet: new WeakRef(workingSet) };
}

async function collected(ref: WeakRef<object>) {
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  return ref.deref() === undefined;
}

describe("abort reasons' stacks", () => {
  it("pin what their frames reach while unread (the leak), and not once the workaround is installed", async () => {
    const unpatched = render((controller, reason) => originalAbort.call(controller, reason));
    expect(await collected(unpatched.workingSet)).toBe(false);
    expect(unpatched.signal.aborted).toBe(true);

    await import("@/lib/cli/abort-reasons.mjs");
    const patched = render((controller, reason) => controller.abort(reason));
    expect(await collected(patched.workingSet)).toBe(true);
    // The reason is the same Error, its stack a string now.
    expect(patched.signal.reason).toBeInstanceOf(Error);
    expect(String((patched.signal.reason as Error).stack)).toContain("This render completed");
  });

  it("leaves abort's behaviour alone: listeners, a default reason, a second abort", async () => {
    const { materializeAbortReasons } = await import("@/lib/cli/abort-reasons.mjs");
    const installed = AbortController.prototype.abort;
    materializeAbortReasons(); // twice is once
    expect(AbortController.prototype.abort).toBe(installed);
    const controller = new AbortController();
    const heard: unknown[] = [];
    controller.signal.addEventListener("abort", () => heard.push(controller.signal.reason));
    controller.abort();
    controller.abort(new Error("later"));
    expect(heard).toHaveLength(1);
    expect((controller.signal.reason as Error).name).toBe("AbortError");
  });
});
