// What the database chores' commands share: usage, and a refusal as a message with exit code 1.
import { TransferError } from "./copy";

export async function runChore(usage: string, badUsage: boolean, work: () => Promise<void>) {
  if (badUsage) {
    console.error(usage);
    process.exit(2);
  }
  try {
    await work();
  } catch (error) {
    if (!(error instanceof TransferError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
