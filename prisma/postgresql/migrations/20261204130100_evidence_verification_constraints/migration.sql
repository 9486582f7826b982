-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).
-- Internal evidence is never public, and a verification names who made it.
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_internal_not_public" CHECK (NOT ("isInternal" AND "isPublic"));
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_verification_has_verifier"
  CHECK (("verifiedAt" IS NULL) = ("verifiedById" IS NULL));
