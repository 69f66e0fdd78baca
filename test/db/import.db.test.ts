// The import pipeline on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { rows } from "../../src/db/rows.ts";
import { cliActor } from "../../src/server/audit/repository.ts";
import { type CascadeNode, cascadeTree, showDocument } from "../../src/server/documents/service.ts";
import { DomainError } from "../../src/server/errors.ts";
import { ensureReferenceOrganisations } from "../../src/server/organisations/service.ts";
import { hasShared, loadCorpus, seedsDir } from "../support/corpus.ts";
import { testDatabase } from "../support/db.ts";
import { importText } from "../support/fixtures.ts";

const demoDir = join(import.meta.dirname, "..", "..", "src", "demo", "documents");
const demo = ["01-ket-luan-trung-uong.txt", "02-chuong-trinh-tinh.txt", "03-cong-van-xa.txt"].map((f) =>
  readFileSync(join(demoDir, f), "utf8"),
);

function shape(nodes: CascadeNode[]): unknown[] {
  return nodes.map((n) => ({
    symbol: n.symbol ?? n.title?.slice(0, 30),
    imported: n.imported,
    children: shape(n.children),
  }));
}

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
  await ensureReferenceOrganisations(database.db, cliActor);
});
afterAll(async () => {
  await database.close();
});

describe("importing documents", () => {
  it("builds the same cascade whatever the order of import", async () => {
    const results = [];
    for (const order of [
      [2, 0, 1],
      [0, 1, 2],
    ]) {
      const scratch = await testDatabase();
      try {
        for (const i of order) await importText(scratch.db, demo[i] as string);
        results.push(shape(await cascadeTree(scratch.db)));
      } finally {
        await scratch.close();
      }
    }
    expect(results[0]).toEqual(results[1]);
    expect(results[0]).toEqual([
      {
        symbol: "986-KL/TW",
        imported: true,
        children: [
          {
            symbol: "215-CTr/TU",
            imported: true,
            children: [{ symbol: "48-CV/ĐU", imported: true, children: [] }],
          },
        ],
      },
    ]);
  });

  it("resolves bodies, keeps unresolved phrases and refuses a duplicate without changing anything", async () => {
    const first = await importText(database.db, demo[1] as string);
    expect(first.tasks).toBeGreaterThanOrEqual(5);
    expect(first.unresolved).toContain("Các cấp ủy, tổ chức đảng");
    const shown = await showDocument(database.db, "215-CTr/TU");
    const science = shown.tasks.find((t) => t.text.startsWith("Sở Khoa học và Công nghệ"));
    expect(science?.assignments).toEqual([
      expect.objectContaining({
        role: "lead",
        organisation: "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi",
        resolution: "resolved",
      }),
      expect.objectContaining({ role: "cooperating", organisation: "Sở Nội vụ tỉnh Quảng Ngãi" }),
    ]);
    expect(science?.deadline).toBe("2026-12-31");
    expect(shown.indicators.map((i) => i.kind)).toEqual(["min", "min", "multiple_of_baseline", "rank"]);

    const count = async () =>
      (
        await rows<{ n: number }>(
          database.db,
          sql`select (select count(*) from documents) + (select count(*) from tasks) + (select count(*) from assignments) as n`,
        )
      )[0]?.n;
    const before = await count();
    await expect(importText(database.db, demo[1] as string)).rejects.toMatchObject({
      code: "duplicate-document",
      status: 409,
    });
    const edited = (demo[1] as string).replace("Phấn đấu", "Phấn đấu ");
    const error = await importText(database.db, `${edited}\n`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "duplicate-document", details: { existingId: first.documentId } });
    expect(await count()).toBe(before);
  });

  it.skipIf(!hasShared)(
    "links the five seed documents into 69-KL/TW → the four others in any order",
    async () => {
      const seeds = loadCorpus(seedsDir).map((e) => e.text);
      const orders = [
        [0, 1, 2, 3, 4],
        [4, 3, 2, 1, 0],
        [3, 0, 4, 2, 1],
      ];
      const shapes = [];
      for (const order of orders) {
        const scratch = await testDatabase();
        try {
          for (const i of order) await importText(scratch.db, seeds[i] as string);
          shapes.push(shape(await cascadeTree(scratch.db, "69-KL/TW")));
        } finally {
          await scratch.close();
        }
      }
      expect(shapes[1]).toEqual(shapes[0]);
      expect(shapes[2]).toEqual(shapes[0]);
      const root = shapes[0]?.[0] as {
        symbol: string;
        children: { symbol: string; imported: boolean; children: { symbol: string }[] }[];
      };
      expect(root.symbol).toBe("69-KL/TW");
      expect(root.children).toHaveLength(4);
      const district = root.children.find((c) => c.symbol === "2400-CV/HU");
      expect(district).toMatchObject({ imported: false, children: [{ symbol: "/UBND-TNMT" }] });
    },
  );
});
