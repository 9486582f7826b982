import { describe, expect, it } from "vitest";
import {
  compoundFile,
  EXECUTABLES,
  pdf,
  png,
  SAMPLE_FILES,
  storedZip,
} from "../../tests/integration/support/sample-files";
import { detectFileKind, extensionOf } from "./types";

describe("what a file is, read from its content", () => {
  it.each(Object.keys(SAMPLE_FILES))("takes %s", async (name) => {
    const kind = await detectFileKind(SAMPLE_FILES[name]?.() ?? Buffer.alloc(0), name);
    expect(kind).toMatchObject({ extension: extensionOf(name) });
  });

  it("records the detected type: PDF and images preview, Office files do not", async () => {
    expect(await detectFileKind(pdf(), "a.pdf")).toEqual({
      mime: "application/pdf",
      extension: "pdf",
      preview: true,
    });
    expect(await detectFileKind(png(), "a.PNG")).toEqual({
      mime: "image/png",
      extension: "png",
      preview: true,
    });
    expect(await detectFileKind(compoundFile(), "a.doc")).toMatchObject({
      mime: "application/msword",
      preview: false,
    });
    expect(await detectFileKind(SAMPLE_FILES["版式.ofd"]?.() ?? Buffer.alloc(0), "a.ofd")).toMatchObject({
      mime: "application/ofd",
    });
  });

  it.each([
    ["an ELF executable named .pdf", EXECUTABLES.elf(), "letter.pdf", "typeNotAllowed"],
    ["a Windows executable named .pdf", EXECUTABLES.pe(), "letter.pdf", "typeNotAllowed"],
    ["text named .pdf", Buffer.from("just text, no PDF"), "letter.pdf", "typeNotAllowed"],
    ["a plain zip", storedZip({ "a.txt": "x" }), "a.zip", "typeNotAllowed"],
    ["a zip named .ofd without OFD.xml", storedZip({ "a.txt": "x" }), "a.ofd", "typeNotAllowed"],
    ["a PNG named .pdf", png(), "scan.pdf", "extensionMismatch"],
    ["a PDF without an extension", pdf(), "letter", "extensionMismatch"],
    ["an OLE file named .msi", compoundFile(), "setup.msi", "extensionMismatch"],
    ["an empty file", Buffer.alloc(0), "empty.pdf", "empty"],
  ])("refuses %s", async (_what, bytes, name, problem) => {
    expect(await detectFileKind(bytes, name)).toEqual({ problem });
  });
});
