// The model's enums, for code on either side of the server/client line.
export {
  AgencyRole,
  ContactMethod,
  ContactResponseDecision,
  CycleStage,
  EvidenceKind,
  ExportState,
  ItemStatus,
  RatingQuestionKind,
  ReplyClass,
  RequestState,
  RollUpCause,
  SignoffDecision,
  UpdateSource,
  UserRole,
  WarningLevel,
} from "../../generated/sqlite/enums";
