import { describe, expect, it } from "vitest";
import { centsToDecimal, csvCell, csvResponse, csvRow } from "@/lib/reports/csv";

describe("CSV", () => {
  it("quotes commas, quotes and line breaks, and doubles quotes", () => {
    expect(csvCell("Acme, Inc.")).toBe('"Acme, Inc."');
    expect(csvCell('The "big" deal')).toBe('"The ""big"" deal"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });
  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+1+1")).toBe("'+1+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("=1,2")).toBe("\"'=1,2\"");
    // Numbers stay numbers, negative ones too.
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(12.5)).toBe("12.5");
  });
  it("writes rows with CRLF", () => {
    expect(csvRow(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });
  it("writes cents as exact decimals", () => {
    expect(centsToDecimal(0)).toBe("0.00");
    expect(centsToDecimal(5)).toBe("0.05");
    expect(centsToDecimal(123_450)).toBe("1234.50");
    expect(centsToDecimal(-5)).toBe("-0.05");
    expect(centsToDecimal(9_007_199_254_740_991)).toBe("90071992547409.91");
    expect(centsToDecimal(null)).toBeNull();
  });
  it("streams a header and each chunk as it is read", async () => {
    async function* chunks() {
      yield [["a", 1]];
      yield [["=b", 2], ["c\"d", 3]];
    }
    const response = csvResponse("lines 2026.csv", ["name", "n"], chunks());
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="lines_2026.csv"');
    expect(await response.text()).toBe('name,n\r\na,1\r\n\'=b,2\r\n"c""d",3\r\n');
  });
});
