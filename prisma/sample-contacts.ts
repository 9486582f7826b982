// 沟通记录 as the sample shows them (issue 19): two contacts with the deputy, labelled sample data, on
// dates that fit prisma/sample-cycle.ts — a 面商 on R3 before its reply was drafted (2024-04-12; replied
// 2024-04-26), confirmed by the demo deputy (the proposal's first author), and a 电话 on R4 before its
// late reply (2024-06-18), not yet answered. The sample's 面商率: 2 of its 8 replied recommendations.
import type { Prisma } from "../generated/sqlite/client";
import { shanghaiDate } from "../lib/dates";
import type { ContactMethod } from "../lib/db/enums";
import type { IsoDate } from "./sample-data";

type Tx = Prisma.TransactionClient;

export const SAMPLE_CONTACTS: readonly {
  recommendation: string;
  /** The agency whose sample staff recorded it. */
  agency: string;
  on: IsoDate;
  method: ContactMethod;
  participants: string;
  summary: string;
  links: readonly string[];
  /** The demo deputy's confirmation, if any, and when. */
  confirmedOn?: IsoDate;
  comment?: string;
}[] = [
  {
    recommendation: "R3",
    agency: "SHEITC",
    on: "2024-04-08",
    method: "in_person",
    participants: "王延峰（示例）代表；市经济信息化委软件和信息服务业处（示例）",
    summary:
      "当面听取代表对开源生态建设的意见：支持基础大模型开源发布，建议建设开源托管平台并纳入项目评价。（示例数据）",
    // No link: the sample cites only real public pages (prisma/sample-data.test.ts), and a 面商 has
    // none to cite.
    links: [],
    confirmedOn: "2024-04-10",
    comment: "记录属实。（示例）",
  },
  {
    recommendation: "R4",
    agency: "SHEITC",
    on: "2024-06-10",
    method: "phone",
    participants: "王延峰（示例）代表；市经济信息化委（示例）",
    summary: "电话沟通联盟组建进展与答复口径，代表希望尽快明确牵头单位。（示例数据）",
    links: [],
  },
];

/** Writes the sample's contacts; `recordedAt` dates a row as the seed dates every other. */
export async function createSampleContacts(
  tx: Tx,
  options: {
    recommendationId: (code: string) => string;
    staffOf: (agencyCode: string) => string;
    agencyId: (agencyCode: string) => string;
    deputyId: string | null;
    recordedAt: (date: IsoDate) => Date;
  },
): Promise<void> {
  for (const contact of SAMPLE_CONTACTS) {
    const { id } = await tx.deputyContact.create({
      data: {
        recommendationId: options.recommendationId(contact.recommendation),
        agencyId: options.agencyId(contact.agency),
        contactDate: shanghaiDate(contact.on),
        method: contact.method,
        participants: contact.participants,
        summary: contact.summary,
        recordedById: options.staffOf(contact.agency),
        createdAt: options.recordedAt(contact.on),
        links: { create: contact.links.map((url, index) => ({ position: index + 1, url })) },
      },
      select: { id: true },
    });
    if (contact.confirmedOn && options.deputyId) {
      await tx.deputyContactResponse.create({
        data: {
          contactId: id,
          userId: options.deputyId,
          decision: "confirmed",
          comment: contact.comment ?? null,
          createdAt: options.recordedAt(contact.confirmedOn),
        },
      });
    }
  }
}
