-- AlterTable: a piece of evidence may be only a file, without a link. The link's CHECKs
-- (Evidence_url_http, Evidence_url_length) hold for a NULL link as SQL's CHECKs do.
ALTER TABLE "Evidence" ALTER COLUMN "url" DROP NOT NULL;
