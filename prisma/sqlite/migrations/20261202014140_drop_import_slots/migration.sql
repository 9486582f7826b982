-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "ImportSlot";
PRAGMA foreign_keys=on;

