import { data } from "@remix-run/node";
import { DomainError } from "~/engine/errors";

/** Maps a domain error to its status and resident-facing message; anything else propagates. */
export function domainErrorResponse(error: unknown) {
  if (error instanceof DomainError) return data({ formError: error.messageKey, errors: null }, { status: error.status });
  throw error;
}
