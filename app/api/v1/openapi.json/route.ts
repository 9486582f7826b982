import { apiGet } from "@/lib/api/handler";
import { openApiDocument, openApiDocumentRoute } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const GET = apiGet(openApiDocumentRoute, async () => openApiDocument());
