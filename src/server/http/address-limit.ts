// Requests per minute per client address, signed in or not: the per-user limit alone lets one
// address spread its requests over many accounts. A fixed window per address, kept in the process
// (as the per-user limit is): behind N instances an address gets N times the figure.
import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../errors.ts";

export function addressLimit(
  max: number,
  windowMs = 60_000,
): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  const windows = new Map<string, { count: number; endsAt: number }>();
  let sweepAt = 0;
  return async (request, reply) => {
    const now = Date.now();
    // ended windows are dropped once a window: the map holds at most a window's addresses
    if (now >= sweepAt) {
      for (const [address, w] of windows) if (w.endsAt <= now) windows.delete(address);
      sweepAt = now + windowMs;
    }
    let w = windows.get(request.ip);
    if (!w || w.endsAt <= now) {
      w = { count: 0, endsAt: now + windowMs };
      windows.set(request.ip, w);
    }
    w.count++;
    if (w.count > max) {
      const seconds = Math.max(1, Math.ceil((w.endsAt - now) / 1000));
      reply.header("retry-after", String(seconds));
      throw new DomainError("api-address-rate-limited", 429, { address: request.ip, seconds });
    }
  };
}
