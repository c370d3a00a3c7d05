// The only place that talks to the CMS: one GraphQL request per call.

import { GRAPHQL_URL, PREVIEW_KEY } from "./config.js";

export class ApiError extends Error {
  constructor(message, errors = []) {
    super(message);
    this.codes = errors.map((error) => error.extensions && error.extensions.code).filter(Boolean);
    // The CMS refused the preview: no key, a key without the preview scope, or a key it does
    // not know (revoked, expired).
    this.needsPreviewKey =
      this.codes.includes("INVALID_API_KEY") ||
      errors.some((error) => /preview scope/.test(error.message || ""));
  }
}

// The editor's preview key, kept in this browser only (never in the site's files).
const PREVIEW_KEY_STORE = "solidarity-preview-key";

export function previewKey() {
  try {
    return localStorage.getItem(PREVIEW_KEY_STORE) || PREVIEW_KEY;
  } catch {
    return PREVIEW_KEY;
  }
}

export function rememberPreviewKey(key) {
  try {
    if (key) {
      localStorage.setItem(PREVIEW_KEY_STORE, key);
    } else {
      localStorage.removeItem(PREVIEW_KEY_STORE);
    }
  } catch {
    // Storage switched off: the key is asked for again next time.
  }
}

function endpoint() {
  return new URL(GRAPHQL_URL, document.baseURI);
}

// Published content: a GET request, so shared caches (a CDN, a proxy) may keep the answer for
// the CMS's GRAPHQL_CACHE_SECONDS. The browser revalidates every time ("no-cache": it sends
// the ETag back and gets a 304 while nothing changed), so a visitor sees a newly published
// call at once; drop that option to let browsers reuse answers for the whole period.
// Previews: a POST that is never cached (the CMS marks preview answers private as well), with
// the preview key as a bearer token when there is one.
export async function query(text, variables = {}, { preview = false } = {}) {
  const url = endpoint();
  let response;
  try {
    if (preview) {
      const headers = { "Content-Type": "application/json", Accept: "application/json" };
      const key = previewKey();
      if (key) {
        headers.Authorization = `Bearer ${key}`;
      }
      response = await fetch(url, {
        method: "POST",
        headers,
        body: JSON.stringify({ query: text, variables }),
        cache: "no-store",
        credentials: "omit",
      });
    } else {
      url.searchParams.set("query", text);
      url.searchParams.set("variables", JSON.stringify(variables));
      response = await fetch(url, {
        headers: { Accept: "application/json" },
        cache: "no-cache",
        credentials: "omit",
      });
    }
  } catch (error) {
    throw new ApiError(`The CMS at ${url.origin} did not answer (${error.message}).`);
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The CMS answered ${response.status} without JSON.`);
  }
  if (body.errors && body.errors.length) {
    throw new ApiError(body.errors.map((error) => error.message).join(" "), body.errors);
  }
  if (!response.ok) {
    throw new ApiError(`The CMS answered ${response.status}.`);
  }
  return body.data;
}
