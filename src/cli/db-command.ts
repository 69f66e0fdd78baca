// trienkhai db migrate: apply the migrations to the configured database (they are also applied on
// every start).
import { loadConfig } from "../config.ts";
import { openConfiguredDatabase } from "./database.ts";

export async function dbCommand(args: string[]): Promise<number> {
  if (args[0] !== "migrate") throw new Error("db: migrate");
  const database = await openConfiguredDatabase(loadConfig());
  process.stdout.write(
    `Đã cập nhật cấu trúc cơ sở dữ liệu (${database.kind}: ${database.location}) / Database migrated\n`,
  );
  await database.close();
  return 0;
}
