// The model's enums, for code on either side of the server/client line.
export {
  AgencyRole,
  EvidenceKind,
  ExportState,
  ItemStatus,
  ReplyClass,
  RollUpCause,
  UpdateSource,
  UserRole,
} from "../../generated/sqlite/enums";
