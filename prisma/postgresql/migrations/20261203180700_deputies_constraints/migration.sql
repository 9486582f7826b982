-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- 联名代表: listed from 1, each with a name.
ALTER TABLE "ProposalCosigner" ADD CONSTRAINT "ProposalCosigner_position_positive" CHECK ("position" >= 1);
ALTER TABLE "ProposalCosigner" ADD CONSTRAINT "ProposalCosigner_name_not_blank" CHECK (length(trim("nameZh")) > 0);

-- A deputy belongs to no agency.
ALTER TABLE "User" ADD CONSTRAINT "User_deputy_has_no_agency" CHECK ("role" <> 'deputy' OR "agencyId" IS NULL);
