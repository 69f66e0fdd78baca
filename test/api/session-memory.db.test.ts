// Sessions answered from memory (src/server/auth/service.ts): a session ended by another instance
// (here, straight in the database) still acts for at most five seconds; a write request in this
// process makes every session be read afresh at once.
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type ApiHarness, apiHarness } from "../support/api.ts";

let h: ApiHarness;

beforeAll(async () => {
  h = await apiHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("sessions answered from memory", () => {
  it("honour a session ended elsewhere after at most five seconds", async () => {
    const viewer = await h.login("xem");
    expect((await viewer.get("/api/auth/me")).statusCode).toBe(200);
    await h.db.execute(
      sql`delete from sessions where user_id = (select id from users where username = 'xem')`,
    );
    expect((await viewer.get("/api/auth/me")).statusCode).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 5_001);
    expect((await viewer.get("/api/auth/me")).statusCode).toBe(401);
  });

  it("read every session afresh after a write request in this process", async () => {
    const viewer = await h.login("xem");
    const officer = await h.login("sokhcn");
    expect((await viewer.get("/api/auth/me")).statusCode).toBe(200);
    await h.db.execute(sql`update users set role = 'monitor' where username = 'xem'`);
    expect((await viewer.get("/api/auth/me")).json()).toMatchObject({ role: "viewer" });
    expect((await officer.post("/api/auth/logout")).statusCode).toBe(204);
    expect((await viewer.get("/api/auth/me")).json()).toMatchObject({ role: "monitor" });
    await h.db.execute(sql`update users set role = 'viewer' where username = 'xem'`);
  });
});
