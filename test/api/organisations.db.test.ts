// Organisations through the API: search with or without diacritics in Vietnamese name order, the
// caller's scope, validity on a day, the tree one level at a time, one body with its parents and
// history, and the CSV/XLSX import — all or nothing, administrators only.
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/rows.ts";
import { type ApiClient, type ApiHarness, apiHarness, databaseFingerprint } from "../support/api.ts";
import { makeZip } from "../support/zip.ts";

interface Row {
  id: number;
  code: string | null;
  name: string;
  kind: string;
  level: string;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
  inForce: boolean;
  inScope: boolean;
}
interface Page {
  items: Row[];
  total: number;
  page: number;
  pageSize: number;
}

let h: ApiHarness;
let admin: ApiClient;
let leader: ApiClient;
let officer: ApiClient;
let monitor: ApiClient;
const ids: Record<string, number> = {};

beforeAll(async () => {
  h = await apiHarness();
  admin = await h.login("quantri");
  leader = await h.login("lanhdao");
  officer = await h.login("sokhcn");
  monitor = await h.login("theodoi");
  for (const r of await rows<{ id: number; code: string }>(
    h.db,
    sql`select id, code from organisations where code in ('P51.2025', 'P51.2025-UBND', 'P51.2025-SKHCN', 'P51', 'P62', 'P01')`,
  ))
    ids[r.code] = r.id;
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const vietnamese = new Intl.Collator("vi");

function multipart(filename: string, content: Uint8Array | string, type: string) {
  const boundary = "----trienkhai-test-boundary";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(client: ApiClient, filename: string, content: Uint8Array | string, type: string) {
  const m = multipart(filename, content, type);
  return client.request({ method: "POST", url: "/api/organisations/import", ...m });
}

const HEADER = "Mã,Tên,Loại,Cấp,Mã cơ quan cấp trên,Hiệu lực từ,Hiệu lực đến,Tên gọi khác,Mã cơ quan kế thừa";

describe("the organisation list", () => {
  it("finds a body by its name with or without diacritics, or by an alias", async () => {
    const accented = (
      await admin.get(
        `/api/organisations?q=${encodeURIComponent("Sở Khoa học và Công nghệ tỉnh Quảng Ngãi")}`,
      )
    ).json() as Page;
    const plain = (
      await admin.get("/api/organisations?q=so%20khoa%20hoc%20va%20cong%20nghe%20tinh%20quang%20ngai")
    ).json() as Page;
    expect(accented.items.map((o) => o.code)).toContain("P51.2025-SKHCN");
    expect(plain.items.map((o) => o.id)).toEqual(accented.items.map((o) => o.id));
    const alias = (
      await admin.get(`/api/organisations?q=${encodeURIComponent("Sở KHCN Quảng Ngãi")}`)
    ).json() as Page;
    expect(alias.items.map((o) => o.code)).toContain("P51.2025-SKHCN");
  });

  it("sorts names the Vietnamese way (a < ă < â, d < đ) and pages through them", async () => {
    const all = (
      await admin.get("/api/organisations?kind=administrative_unit&level=province&pageSize=500")
    ).json() as Page;
    const names = all.items.map((o) => o.name);
    expect(names).toEqual([...names].sort(vietnamese.compare));
    // the order is not the code-point order: the test would not notice a plain sort otherwise
    expect(names).not.toEqual([...names].sort());
    const page2 = (
      await admin.get("/api/organisations?kind=administrative_unit&level=province&pageSize=10&page=2")
    ).json() as Page;
    expect(page2).toMatchObject({ total: all.total, page: 2, pageSize: 10 });
    expect(page2.items.map((o) => o.id)).toEqual(all.items.slice(10, 20).map((o) => o.id));
    const reversed = (
      await admin.get("/api/organisations?kind=administrative_unit&level=province&pageSize=500&sort=-name")
    ).json() as Page;
    expect(reversed.items.map((o) => o.name)).toEqual([...names].reverse());
  });

  it("gives the provinces in force on a day: 63 before the 2025 merger, 34 after", async () => {
    const on = async (day: string) =>
      (
        (
          await admin.get(
            `/api/organisations?kind=administrative_unit&level=province&validOn=${day}&pageSize=1`,
          )
        ).json() as Page
      ).total;
    expect(await on("2024-01-01")).toBe(63);
    expect(await on("2026-11-24")).toBe(34);
  });

  it("shows a scoped user their subtree only, and refuses a parent outside it", async () => {
    const mine = (await officer.get("/api/organisations?pageSize=500")).json() as Page;
    const [expected] = await rows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from organisations where path like (select path from organisations where code = 'P51.2025-SKHCN') || '%'`,
    );
    expect(mine.total).toBe(expected?.n);
    expect(mine.items.every((o) => o.inScope)).toBe(true);
    const searched = (await officer.get("/api/organisations?q=ha%20noi")).json() as Page;
    expect(searched.total).toBe(0);
    const outside = await officer.get(`/api/organisations?parentId=${ids["P51.2025"]}`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe("api-out-of-scope");
    const children = (
      await leader.get(`/api/organisations?parentId=${ids["P51.2025"]}&pageSize=500`)
    ).json() as Page;
    expect(children.items.length).toBeGreaterThan(10);
    expect(children.items.every((o) => o.parentId === ids["P51.2025"])).toBe(true);
  });

  it("refuses malformed filters with 400 problem+json", async () => {
    for (const url of [
      "/api/organisations?validOn=2025-02-30",
      "/api/organisations?level=hamlet",
      "/api/organisations?parentId=abc",
      "/api/organisations?pageSize=100000",
      "/api/organisations?kind=x%27%20or%201=1",
    ]) {
      const r = await admin.get(url);
      expect(r.statusCode, url).toBe(400);
      expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
  });
});

describe("the organisation tree", () => {
  it("opens at the top level for an unscoped user", async () => {
    const r = (await admin.get("/api/organisations/tree?validOn=2026-11-24")).json() as {
      root: Row | null;
      children: (Row & { hasChildren: boolean })[];
    };
    expect(r.root).toBeNull();
    const codes = r.children.map((c) => c.code);
    expect(codes).toContain("P51.2025");
    expect(codes).not.toContain("P51");
    expect(r.children.every((c) => c.parentId === null)).toBe(true);
    expect(r.children.find((c) => c.code === "P51.2025")?.hasChildren).toBe(true);
  });

  it("opens at the user's scope, one level at a time, and not outside it", async () => {
    const r = (await leader.get("/api/organisations/tree")).json() as {
      root: Row;
      children: (Row & { hasChildren: boolean })[];
    };
    expect(r.root.code).toBe("P51.2025");
    const ubnd = r.children.find((c) => c.code === "P51.2025-UBND");
    expect(ubnd?.hasChildren).toBe(true);
    expect(r.children.map((c) => c.name)).toEqual(r.children.map((c) => c.name).sort(vietnamese.compare));
    const next = (await leader.get(`/api/organisations/tree?rootId=${ubnd?.id}`)).json() as {
      children: Row[];
    };
    expect(next.children.map((c) => c.code)).toContain("P51.2025-SKHCN");
    const out = await leader.get(`/api/organisations/tree?rootId=${ids.P01}`);
    expect(out.statusCode).toBe(403);
    expect((await leader.get("/api/organisations/tree?rootId=2147480000")).statusCode).toBe(404);
  });
});

describe("one organisation", () => {
  it("gives its parents, aliases and validity, marking what lies outside the caller's scope", async () => {
    const r = await officer.get(`/api/organisations/${ids["P51.2025-SKHCN"]}`);
    expect(r.statusCode).toBe(200);
    const o = r.json();
    expect(r.headers.etag).toBe(`"${o.version}"`);
    expect(o.parents.map((p: Row) => p.code)).toEqual(["P51.2025", "P51.2025-UBND"]);
    expect(o.parents.every((p: Row) => !p.inScope)).toBe(true);
    expect(o).toMatchObject({ inScope: true, inForce: true, validFrom: "2025-07-01", validTo: null });
    expect(o.aliases).toEqual(expect.arrayContaining(["Sở KH&CN", "Sở KHCN Quảng Ngãi"]));
  });

  it("gives its predecessors and successors with the dates of the change", async () => {
    const merged = (await leader.get(`/api/organisations/${ids["P51.2025"]}`)).json();
    const preds = merged.predecessors as (Row & { since: string })[];
    expect(preds.map((p) => p.code)).toEqual(expect.arrayContaining(["P51", "P62"]));
    expect(preds.find((p) => p.code === "P62")).toMatchObject({
      since: "2025-06-30",
      validTo: "2025-06-30",
      inForce: false,
    });
    const old = (await admin.get(`/api/organisations/${ids.P62}`)).json();
    expect(old.successors.map((s: Row) => s.code)).toEqual(["P51.2025"]);
    expect(old.inForce).toBe(false);
  });

  it("refuses one outside the scope with 403 and an unknown one with 404", async () => {
    const out = await officer.get(`/api/organisations/${ids["P51.2025"]}`);
    expect(out.statusCode).toBe(403);
    expect(out.json().code).toBe("api-out-of-scope");
    const unknown = await admin.get("/api/organisations/2147480000");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe("not-found");
  });
});

describe("the organisation import", () => {
  it("imports a CSV (Vietnamese headers) in one go and the new bodies appear in the tree", async () => {
    const csv = [
      HEADER,
      `P51.2025-TTCDS,Trung tâm Chuyển đổi số tỉnh Quảng Ngãi,department,province,P51.2025-UBND,2026-01-01,,TTCĐS Quảng Ngãi,`,
      `P51.2025-TTCDS-P1,Phòng Hạ tầng số,department,province,P51.2025-TTCDS,2026-01-01,,,`,
    ].join("\n");
    const r = await upload(admin, "co-quan.csv", csv, "text/csv");
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ imported: 2 });
    const found = (await leader.get("/api/organisations?q=trung%20tam%20chuyen%20doi%20so")).json() as Page;
    expect(found.items.map((o) => o.code)).toEqual(["P51.2025-TTCDS"]);
    const tree = (await leader.get(`/api/organisations/tree?rootId=${ids["P51.2025-UBND"]}`)).json() as {
      children: (Row & { hasChildren: boolean })[];
    };
    expect(tree.children.find((c) => c.code === "P51.2025-TTCDS")?.hasChildren).toBe(true);
    const [audit] = await rows<{ actor_name: string; after: { count: number } }>(
      h.db,
      sql`select actor_name, after from audit_log where action = 'organisation.import' order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ actor_name: "quantri", after: { count: 2 } });
  });

  it("imports an XLSX with English headers", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("organisations");
    sheet.addRow(["code", "name", "kind", "level", "parent_code", "valid_from"]);
    sheet.addRow([
      "P51.2025-BQLKKT",
      "Ban Quản lý Khu kinh tế Dung Quất",
      "department",
      "province",
      "P51.2025-UBND",
      "2025-07-01",
    ]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const r = await upload(
      admin,
      "co-quan.xlsx",
      bytes,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(r.statusCode).toBe(201);
    const o = (await admin.get("/api/organisations?q=dung%20quat")).json() as Page;
    expect(o.items[0]).toMatchObject({ code: "P51.2025-BQLKKT", validFrom: "2025-07-01" });
  });

  it("refuses a file with a bad row as a whole, naming the rows, and changes nothing", async () => {
    const before = await databaseFingerprint(h.db);
    const csv = [
      HEADER,
      "P51.2025-OK1,Phòng Một,department,province,P51.2025-UBND,,,,",
      "P51.2025-BAD,Phòng Hai,department,hamlet,P51.2025-UBND,,,,",
      "P51.2025-BAD2,Phòng Ba,department,province,P51.2025-UBND,2025-02-30,,,",
    ].join("\n");
    const r = await upload(admin, "co-quan.csv", csv, "text/csv");
    expect(r.statusCode).toBe(422);
    expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(r.json().detail).toMatch(/dòng 3/);
    expect(r.json().detail).toMatch(/dòng 4/);
    const m = multipart("co-quan.csv", csv, "text/csv");
    const english = await admin.request({
      method: "POST",
      url: "/api/organisations/import",
      payload: m.payload,
      headers: { ...m.headers, "accept-language": "en" },
    });
    expect(english.json().detail).toMatch(/^Invalid input: row 3: .*; row 4: /);
    const unknownParent = await upload(
      admin,
      "co-quan.csv",
      `${HEADER}\nP51.2025-X9,Phòng Chín,department,province,KHONG-CO,,,,`,
      "text/csv",
    );
    expect(unknownParent.statusCode).toBe(422);
    const duplicate = await upload(
      admin,
      "co-quan.csv",
      `${HEADER}\nP51.2025-SKHCN,Sở trùng,department,province,,,,,`,
      "text/csv",
    );
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe("duplicate-organisation");
    const empty = await upload(admin, "co-quan.csv", `${HEADER}\n`, "text/csv");
    expect(empty.statusCode).toBe(422);
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });

  it("refuses other file types (415), broken and bomb spreadsheets, and non-administrators", async () => {
    const before = await databaseFingerprint(h.db);
    const docx = await upload(admin, "co-quan.docx", "PK\u0003\u0004", "application/octet-stream");
    expect(docx.statusCode).toBe(415);
    expect(docx.json().code).toBe("api-unsupported-media-type");
    const json = await admin.post("/api/organisations/import", { file: "x" });
    expect(json.statusCode).toBe(415);
    const broken = await upload(admin, "co-quan.xlsx", "not a zip at all", "application/octet-stream");
    expect(broken.statusCode).toBe(422);
    expect(broken.json().code).toBe("file-corrupt");
    // a sheet that says it is small and inflates past the cap
    const bomb = makeZip([
      { name: "xl/worksheets/sheet1.xml", data: new Uint8Array(80 * 1024 * 1024), declaredSize: 1000 },
    ]);
    const r = await upload(admin, "bomb.xlsx", bomb, "application/octet-stream");
    expect(r.statusCode).toBe(413);
    expect(r.json().code).toBe("file-too-large");
    const csv = `${HEADER}\nP51.2025-Z1,Phòng Z,department,province,P51.2025-UBND,,,,`;
    const forbidden = await upload(monitor, "co-quan.csv", csv, "text/csv");
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe("api-forbidden");
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });
});
