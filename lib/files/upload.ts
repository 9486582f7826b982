// Receiving one file from a multipart request as it arrives (busboy on the request's body stream),
// never whole in memory: its first bytes say what it is (lib/files/types.ts), then it goes on to the
// store a part at a time while its size is counted (stopped at the limit, and what was stored of it
// removed) and its SHA-256 taken. The form's other fields come before the file, so that whoever sends
// it is authorized (`admit`) before a byte of it is stored.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import busboy from "busboy";
import { v7 as orderedId } from "uuid";
import type { FileStore } from "./store";
import { detectFileKind, SNIFF_BYTES, type TypeProblem } from "./types";

export type UploadProblem = TypeProblem | "noFile" | "tooLarge" | "badForm";

export type ReceivedFile = {
  name: string;
  mime: string;
  size: number;
  sha256: string;
  storageKey: string;
};

/** What `admit` answers for the fields: go on, or a refusal to hand back as it is. */
export type Admission<R> = { admitted: true } | { admitted: false; refusal: R };

export type UploadResult<R> =
  | { kind: "stored"; fields: Record<string, string>; file: ReceivedFile }
  | { kind: "problem"; problem: UploadProblem }
  | { kind: "refused"; refusal: R };

class TooLarge extends Error {}

const MAX_NAME = 255;

/**
 * Reads the multipart `body` (with its `contentType`), checks the fields with `admit`, and stores its
 * one file in `store`. Nothing stays stored unless the answer is "stored"; the caller then writes the
 * file's row, or removes it from the store if that fails.
 */
export async function receiveUpload<R>(
  body: ReadableStream<Uint8Array> | null,
  contentType: string | null,
  options: {
    store: FileStore;
    maxBytes: number;
    admit: (fields: Record<string, string>) => Promise<Admission<R>>;
  },
): Promise<UploadResult<R>> {
  if (!body || !contentType?.toLowerCase().startsWith("multipart/form-data"))
    return { kind: "problem", problem: "badForm" };
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      // One more byte than the limit: a file that reaches it is too large. A field holds up to 16 KiB:
      // the longest a form takes (a note of 2,000 characters) is at most 8,000 bytes of UTF-8, and one
      // cut at 16 KiB is longer than any form's limit, which the form's schema then refuses.
      limits: { files: 1, fields: 20, fieldSize: 16 * 1024, parts: 21, fileSize: options.maxBytes + 1 },
    });
  } catch {
    return { kind: "problem", problem: "badForm" };
  }
  const fields: Record<string, string> = {};
  parser.on("field", (name, value) => {
    fields[name] = value;
  });

  let handling: Promise<UploadResult<R>> | null = null;
  let failure: unknown = null;
  const source = Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);
  parser.on("file", (_field, stream, info) => {
    if (handling) {
      stream.resume();
      return;
    }
    handling = receiveFile(stream, info.filename ?? "", fields, options);
    // A store that fails stops the request: nothing more is read.
    handling.catch((error: unknown) => {
      failure = error;
      source.destroy();
      parser.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });

  const finished = new Promise<void>((resolve, reject) => {
    parser.on("close", resolve);
    parser.on("error", reject);
  });
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    await finished;
  } catch {
    source.destroy();
    if (failure) throw failure;
    const result = handling ? await (handling as Promise<UploadResult<R>>).catch(() => null) : null;
    if (result?.kind === "stored") await options.store.remove(result.file.storageKey);
    return { kind: "problem", problem: "badForm" };
  }
  if (!handling) return { kind: "problem", problem: "noFile" };
  return handling;
}

async function receiveFile<R>(
  stream: Readable,
  rawName: string,
  fields: Record<string, string>,
  options: {
    store: FileStore;
    maxBytes: number;
    admit: (fields: Record<string, string>) => Promise<Admission<R>>;
  },
): Promise<UploadResult<R>> {
  const pieces = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  // Whatever is refused, the rest of the file is read and dropped, so that the request completes.
  const drain = async () => {
    for (;;) if ((await pieces.next()).done) return;
  };
  const name = rawName.normalize("NFC").trim().slice(0, MAX_NAME);
  const admission = await options.admit({ ...fields });
  if (!admission.admitted) {
    await drain();
    return { kind: "refused", refusal: admission.refusal };
  }
  if (!name) {
    await drain();
    return { kind: "problem", problem: "noFile" };
  }

  // The head: enough of the start to tell the type.
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await pieces.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const start = Buffer.concat(head);
  const kind = await detectFileKind(start.subarray(0, SNIFF_BYTES), name);
  if ("problem" in kind) {
    if (!ended) await drain();
    return { kind: "problem", problem: kind.problem };
  }

  const hash = createHash("sha256");
  let size = 0;
  const count = (piece: Buffer) => {
    size += piece.length;
    if (size > options.maxBytes) throw new TooLarge();
    hash.update(piece);
    return piece;
  };
  async function* content(): AsyncGenerator<Uint8Array> {
    yield count(start);
    if (ended) return;
    for (;;) {
      const next = await pieces.next();
      if (next.done) return;
      yield count(next.value);
    }
  }
  const storageKey = `files/${orderedId()}`;
  try {
    await options.store.write(storageKey, content(), kind.mime);
  } catch (error) {
    if (!(error instanceof TooLarge)) throw error;
    await options.store.remove(storageKey);
    await drain();
    return { kind: "problem", problem: "tooLarge" };
  }
  return {
    kind: "stored",
    fields: { ...fields },
    file: { name, mime: kind.mime, size, sha256: hash.digest("hex"), storageKey },
  };
}
