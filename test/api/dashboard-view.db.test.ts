// The dashboard view a user saves is kept with the account: it comes back with /api/auth/me in
// another session, and a view naming a document that does not exist, or a level that is not one,
// is refused with the stored view untouched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, type ApiHarness, apiHarness } from "../support/api.ts";

let h: ApiHarness;
let officer: ApiClient;

beforeAll(async () => {
  h = await apiHarness();
  officer = await h.login("sokhcn");
});
afterAll(async () => {
  await h?.close();
});

const VIEW_URL = "/api/auth/me/dashboard-view";

describe("the saved dashboard view", () => {
  it("starts empty, is saved, and follows the user to another session", async () => {
    const me = (await officer.get("/api/auth/me")).json();
    expect(me.dashboardView).toEqual({});
    expect(me.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const documents = (await officer.get("/api/documents?status=published&pageSize=5")).json();
    const documentId = documents.items[0].id as number;
    const saved = await officer.put(VIEW_URL, { documentId, level: "district" });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ documentId, level: "district" });

    const elsewhere = await h.login("sokhcn");
    expect((await elsewhere.get("/api/auth/me")).json().dashboardView).toEqual({
      documentId,
      level: "district",
    });
    // another user's view is their own
    expect((await (await h.login("xem")).get("/api/auth/me")).json().dashboardView).toEqual({});

    const panels = await officer.put(VIEW_URL, { level: "province", hidden: ["coverage", "bodies"] });
    expect(panels.json()).toEqual({ level: "province", hidden: ["coverage", "bodies"] });
    expect((await elsewhere.get("/api/auth/me")).json().dashboardView.hidden).toEqual(["coverage", "bodies"]);
    expect((await officer.put(VIEW_URL, {})).json()).toEqual({});
    expect((await elsewhere.get("/api/auth/me")).json().dashboardView).toEqual({});
    await officer.put(VIEW_URL, { documentId, level: "district" });
  });

  it("refuses a document that does not exist, a level that is not one and unknown fields, keeping the view", async () => {
    const before = (await officer.get("/api/auth/me")).json().dashboardView;
    const missing = await officer.put(VIEW_URL, { documentId: 999_999 });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(missing.json().detail).toMatch(/999999/);
    for (const bad of [
      { level: "village" },
      { documentId: "abc" },
      { documentId: 1, colour: "red" },
      { hidden: ["status"] },
      { hidden: "coverage" },
    ]) {
      const r = await officer.put(VIEW_URL, bad);
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      expect(r.json().code).toBeTruthy();
    }
    expect((await officer.get("/api/auth/me")).json().dashboardView).toEqual(before);
  });
});
