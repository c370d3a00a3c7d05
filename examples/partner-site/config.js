// Settings of this partner site. Edit this file after copying the folder; nothing else needs to
// change.

// The Solidarity CMS GraphQL endpoint. Same origin by default; for another host use the full
// URL, e.g. "https://cms.example.org/graphql/", and add this site's origin to the CMS's
// CORS_ALLOWED_ORIGINS.
export const GRAPHQL_URL = "/graphql/";

// Languages offered in the switcher, in order; the first is used when the visitor's browser
// asks for none of them. Use codes from the CMS's CMS_LANGUAGES.
export const LANGUAGES = ["en", "sl", "sv"];

// How many open calls the home page lists.
export const CALLS_PER_PAGE = 20;

// Previews (the CMS's Preview button) need an API key with the "preview" scope when the CMS
// requires one (PREVIEW_REQUIRES_KEY, the default in production). Leave this empty on a public
// copy: the site then asks the editor for the key the first time a preview needs it and keeps
// it in that browser only. Everything in this file is public, so set a key here only on a copy
// that just your editors can reach.
export const PREVIEW_KEY = "";
