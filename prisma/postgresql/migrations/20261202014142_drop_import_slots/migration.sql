-- DropTable
DROP TABLE "ImportSlot";

