import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db";
import { checkPermission } from "@/lib/auth/authorize";
import { currentUser } from "@/lib/auth/guard";
import { csvResponse } from "@/lib/reports/csv";
import { FEED_HEADER, feedCsvChunks, lineColumns, lineCsvChunks } from "@/lib/reports/export";
import { parseReportFilter } from "@/lib/reports/filters";
import { filterChoices, type ReportViewer } from "@/lib/reports/queries";

const notFound = () => new NextResponse("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * CSV exports, streamed: `lines` is the signed-in seller's (or a rep's) charge
 * line report under the URL's filters, exactly as the report page shows it;
 * `feed` is a seller's billing event feed. `choices` is what the report filters
 * offer the viewer (products, partners, vendors found in its own rows), as JSON,
 * loaded by the filter form when opened. Who may read what is decided here,
 * from the session, whatever link was followed.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ report: string }> }) {
  const { report } = await params;
  if (report !== "lines" && report !== "feed" && report !== "choices") return notFound();
  const user = await currentUser();
  const db = getDb();
  if (!(await checkPermission(db, user, "report.view", { type: "report", id: report }, user?.ip ?? null)) || !user) return notFound();
  const viewer: ReportViewer = user.role === "isv" ? { role: "isv", accountId: user.accountId } : user.role === "partner" ? { role: "partner", accountId: user.accountId } : { role: "rep" };
  if (report === "choices") return NextResponse.json(await filterChoices(db, viewer), { headers: { "Cache-Control": "private, no-store" } });
  const filter = parseReportFilter(Object.fromEntries(request.nextUrl.searchParams.entries()));
  const stamp = new Date().toISOString().slice(0, 10);
  if (report === "feed") {
    if (viewer.role === "rep") return notFound();
    return csvResponse(`billing-events-${stamp}.csv`, FEED_HEADER, feedCsvChunks(db, viewer, filter));
  }
  const columns = lineColumns(viewer.role);
  return csvResponse(`charge-lines-${stamp}.csv`, columns.map((c) => c.header), lineCsvChunks(db, viewer, filter));
}
