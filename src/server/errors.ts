// Errors are values with codes: a service throws one, the API turns it into problem+json and the
// CLI into one line, both with the Vietnamese (or English) message of the catalogue.
import type { MessageCode, MessageParams, MessageRef } from "../messages/catalog.ts";

export class DomainError extends Error {
  readonly code: MessageCode;
  readonly params: MessageParams;
  readonly status: number;
  readonly details: Record<string, unknown>;

  constructor(
    code: MessageCode,
    status: number,
    params: MessageParams = {},
    details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = "DomainError";
    this.code = code;
    this.status = status;
    this.params = params;
    this.details = details;
  }
}

export const notFound = (entity: string, id: string | number): DomainError =>
  new DomainError("not-found", 404, { entity, id: String(id) });

export const staleVersion = (
  entity: string,
  id: string | number,
  expected: number,
  actual: number,
): DomainError => new DomainError("stale-version", 412, { entity, id: String(id), expected, actual });

/** The detail names the field; a message of the catalogue where the reason is ours, a schema's text otherwise. */
export const invalidInput = (
  detail: string | MessageRef | MessageRef[],
  details: Record<string, unknown> = {},
): DomainError => new DomainError("invalid-input", 422, { detail }, details);
