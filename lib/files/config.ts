// The settings of file storage, read from the environment once per call (tests change them).
// FILE_MAX_MB: the largest file taken, in MiB (default 20). FILE_STORAGE: "database" (default) or
// "s3"; with "s3", S3_BUCKET and its connection (S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID,
// S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE) — README "Files".

export type StorageKind = "database" | "s3";

export type Environment = Readonly<Record<string, string | undefined>>;

const DEFAULT_MAX_MB = 20;

/** The largest file taken, in bytes. */
export function maxFileBytes(env: Environment = process.env): number {
  const megabytes = Number(env.FILE_MAX_MB ?? DEFAULT_MAX_MB);
  return Math.floor((Number.isFinite(megabytes) && megabytes > 0 ? megabytes : DEFAULT_MAX_MB) * 1024 * 1024);
}

/** Where new files go. */
export function storageKind(env: Environment = process.env): StorageKind {
  const kind = env.FILE_STORAGE?.trim() || "database";
  if (kind !== "database" && kind !== "s3")
    throw new Error(`FILE_STORAGE is "${kind}": it must be "database" or "s3".`);
  return kind;
}

export type S3Settings = {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
};

export function s3Settings(env: Environment = process.env): S3Settings {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) throw new Error("FILE_STORAGE=s3 needs S3_BUCKET (README, Files).");
  return {
    bucket,
    endpoint: env.S3_ENDPOINT?.trim() || undefined,
    region: env.S3_REGION?.trim() || "us-east-1",
    accessKeyId: env.S3_ACCESS_KEY_ID?.trim() || undefined,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY?.trim() || undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE === "true" || env.S3_FORCE_PATH_STYLE === "1",
  };
}
