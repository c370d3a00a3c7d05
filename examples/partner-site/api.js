// The only place that talks to the CMS: one GraphQL request per call.

import { GRAPHQL_URL } from "./config.js";

export class ApiError extends Error {}

function endpoint() {
  return new URL(GRAPHQL_URL, document.baseURI);
}

// Published content: a GET request, so shared caches (a CDN, a proxy) may keep the answer for
// the CMS's GRAPHQL_CACHE_SECONDS. The browser revalidates every time ("no-cache": it sends
// the ETag back and gets a 304 while nothing changed), so a visitor sees a newly published
// call at once; drop that option to let browsers reuse answers for the whole period.
// Previews: a POST that is never cached (the CMS marks preview answers private as well).
export async function query(text, variables = {}, { preview = false } = {}) {
  const url = endpoint();
  let response;
  try {
    if (preview) {
      response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
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
    throw new ApiError(body.errors.map((error) => error.message).join(" "));
  }
  if (!response.ok) {
    throw new ApiError(`The CMS answered ${response.status}.`);
  }
  return body.data;
}
