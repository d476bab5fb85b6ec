// Long work off the request path: a billing, disbursement or scheduled run
// started by the console or the scheduler runs in a child Node process
// (lib/cli/tasks.ts `job`), never on the web server's event loop. The child has
// an IPC channel to this process and exits when it closes, so a run dies with
// the instance that started it — its lease then expires, the console shows it
// as interrupted, and the next run takes it over. `--import tsx` loads the same
// TypeScript modules the CLI uses, with the dialect's tsconfig for the aliases.
import { spawn } from "node:child_process";
import path from "node:path";
import { builtDialect } from "@/db";
import type { JobKind, ScheduledJobName } from "@/db/enums";

export type JobCommand =
  | { kind: JobKind; period?: string; runId: string; owner: string }
  | { scheduled: ScheduledJobName };

export function jobArguments(command: JobCommand): string[] {
  if ("scheduled" in command) return ["job", "--scheduled", command.scheduled];
  return ["job", "--kind", command.kind, "--run", command.runId, "--owner", command.owner, ...(command.period ? ["--period", command.period] : [])];
}

/** Starts the child; resolves with its exit code when it ends (the caller need not wait). */
export function spawnJob(command: JobCommand): Promise<number | null> {
  const root = process.cwd();
  const tsconfig = builtDialect === "pg" ? "tsconfig.pg.json" : "tsconfig.json";
  // The paths name source files for the child's own loader; the bundler must not trace them.
  const entry = path.join(/*turbopackIgnore: true*/ root, "lib", "cli", "tasks.ts");
  const child = spawn(process.execPath, ["--import", "tsx", entry, ...jobArguments(command)], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(/*turbopackIgnore: true*/ root, tsconfig), DB_DIALECT: builtDialect },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve) => {
    child.once("error", (error) => {
      console.error(`could not start the job process (${jobArguments(command).join(" ")}): ${error.message}`);
      resolve(null);
    });
    child.once("exit", (code) => resolve(code));
  });
}
