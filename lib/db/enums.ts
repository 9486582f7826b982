// The model's enums, for code on either side of the server/client line.
export {
  AgencyRole,
  EvidenceKind,
  ItemStatus,
  ReplyClass,
  UpdateSource,
  UserRole,
} from "../../generated/sqlite/enums";
