-- CreateEnum
CREATE TYPE "RollUpCause" AS ENUM ('action_update', 'action_added', 'action_weight');

-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "followUpRepliedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "StatusUpdate" ADD COLUMN     "rollUpActionCode" TEXT,
ADD COLUMN     "rollUpCause" "RollUpCause";

