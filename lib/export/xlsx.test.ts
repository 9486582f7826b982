import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ExportTable } from "./columns";
import { type XlsxSheet, xlsxChunks } from "./xlsx";

type Row = { code: string; note: string; progress: number };

const table = {
  part: "items",
  title: "建议条目",
  columns: [
    { id: "code", header: "编号", type: "text", width: 10, value: (row: Row) => row.code },
    { id: "note", header: "说明", type: "text", width: 30, value: (row: Row) => row.note },
    { id: "progress", header: "进度（%）", type: "percent", width: 9, value: (row: Row) => row.progress },
  ],
} as unknown as ExportTable;

async function workbookOf(rows: Row[][], maxRows?: number) {
  const chunks: Uint8Array[] = [];
  // Plain rows stand in for the database's: the columns only read them.
  const batches = async function* () {
    yield* rows;
  } as unknown as XlsxSheet["batches"];
  for await (const chunk of xlsxChunks([{ table, batches }], "test", undefined, maxRows)) chunks.push(chunk);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.concat(chunks)).buffer);
  return workbook;
}

describe("xlsxChunks", () => {
  it("writes typed, neutralised cells under a styled header", async () => {
    const workbook = await workbookOf([[{ code: "R1", note: "=1+1", progress: 35 }]]);
    const sheet = workbook.getWorksheet("建议条目");
    expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet?.getRow(2).getCell(2).value).toBe("'=1+1");
    expect(sheet?.getRow(2).getCell(3).value).toBe(0.35);
    expect(sheet?.getRow(2).getCell(3).numFmt).toBe("0%");
    // Printed landscape, one page wide, the header row repeated on every page.
    expect(sheet?.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    });
  });

  it("goes on in a further sheet past the rows a sheet may hold", async () => {
    const rows = Array.from({ length: 5 }, (_, index) => ({ code: `R${index + 1}`, note: "", progress: 0 }));
    const workbook = await workbookOf([rows.slice(0, 3), rows.slice(3)], 3);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "建议条目",
      "建议条目 (2)",
      "建议条目 (3)",
    ]);
    const codes = workbook.worksheets.flatMap((sheet) => {
      expect(sheet.getRow(1).getCell(1).value).toBe("编号");
      return [2, 3].map((row) => sheet.getRow(row).getCell(1).value).filter(Boolean);
    });
    expect(codes).toEqual(["R1", "R2", "R3", "R4", "R5"]);
  });

  it("asks for the next rows only once what it wrote is compressed and read", async () => {
    // Random text, which compression halves at best: 40 batches of about half a megabyte of XML.
    const batchCount = 40;
    const note = () => randomBytes(500).toString("hex");
    let read = 0;
    const readWhenAsked: number[] = [];
    const batches = async function* () {
      for (let batch = 0; batch < batchCount; batch++) {
        readWhenAsked.push(read);
        yield Array.from({ length: 500 }, (_, index) => ({ code: `R${index}`, note: note(), progress: 0 }));
      }
    } as unknown as XlsxSheet["batches"];
    for await (const chunk of xlsxChunks([{ table, batches }], "test")) read += chunk.byteLength;
    // Unthrottled, the writer runs ahead and the XML waits, uncompressed, until the end: almost nothing
    // would have been read by the last batch. A few megabytes may be under way.
    const xmlPerBatch = 500 * 1000;
    const last = readWhenAsked.at(-1) ?? 0;
    expect(last).toBeGreaterThan(((batchCount - 1) * xmlPerBatch) / 2 - 8 * 1024 * 1024);
  });
});
