// index.html: open calls, upcoming conferences, projects, news and partner municipalities in the
// visitor's language, each in a section (#calls, #conferences, …); or a draft sent by the CMS's
// Preview.

import { ApiError, previewKey, query, rememberPreviewKey } from "./api.js";
import { renderChrome } from "./chrome.js";
import { CALLS_PER_PAGE } from "./config.js";
import { visitorLanguage, words, formatDate, formatMoment } from "./i18n.js";
import { HOME, previewQuery } from "./queries.js";
import {
  callCard,
  callDetail,
  conferenceDetail,
  h,
  languageSwitcher,
  municipalityDetail,
  newsDetail,
  projectDetail,
  setLanguage,
  show,
  showError,
  siteHref,
} from "./render.js";

const params = new URLSearchParams(location.search);
const language = visitorLanguage(params);
const main = document.getElementById("main");
const languages = document.getElementById("languages");

const DETAIL = {
  CallPage: callDetail,
  ConferencePage: conferenceDetail,
  ProjectPage: projectDetail,
  NewsPage: newsDetail,
  MunicipalityPage: municipalityDetail,
};

async function home() {
  const w = words(language);
  setLanguage(language);
  renderChrome(language);
  document.title = w.openCalls;
  languages.replaceChildren(languageSwitcher(language, { hrefFor: (code) => `?locale=${code}` }));
  const data = await query(HOME, { locale: language, perPage: CALLS_PER_PAGE });
  const calls = data.calls.items;
  const conferences = data.conferences.items;
  const projects = data.projects.items;
  const news = data.news.items;
  const municipalities = data.municipalities.items;
  // Each list is a section with the id the CMS's index-page URLs name (?locale=…#calls).
  show(
    main,
    h(
      "section",
      { id: "calls", class: "calls", "aria-labelledby": "calls-heading" },
      h("h1", { id: "calls-heading" }, w.openCalls),
      calls.length
        ? h("ul", { class: "cards calls" }, calls.map((call) => callCard(call, language)))
        : h("p", { class: "empty" }, w.noCalls),
    ),
    conferences.length
      ? h(
          "section",
          { id: "conferences", class: "conferences", "aria-labelledby": "conferences-heading" },
          h("h2", { id: "conferences-heading" }, w.conferences),
          h(
            "ul",
            {},
            conferences.map((item) =>
              h(
                "li",
                {},
                h("a", { href: siteHref("ConferencePage", item.slug, item.locale) }, item.title),
                ` – ${formatMoment(item.startsAt, item.timeZone, language, { withTime: false })}`,
              ),
            ),
          ),
        )
      : null,
    projects.length
      ? h(
          "section",
          { id: "projects", class: "projects", "aria-labelledby": "projects-heading" },
          h("h2", { id: "projects-heading" }, w.projects),
          h(
            "ul",
            {},
            projects.map((item) =>
              h("li", {}, h("a", { href: siteHref("ProjectPage", item.slug, item.locale) }, item.title)),
            ),
          ),
        )
      : null,
    news.length
      ? h(
          "section",
          { id: "news", class: "news", "aria-labelledby": "news-heading" },
          h("h2", { id: "news-heading" }, w.news),
          h(
            "ul",
            {},
            news.map((item) =>
              h(
                "li",
                {},
                h("a", { href: siteHref("NewsPage", item.slug, item.locale) }, item.title),
                ` – ${formatDate(item.date, language)}`,
              ),
            ),
          ),
        )
      : null,
    municipalities.length
      ? h(
          "section",
          { id: "municipalities", class: "municipalities", "aria-labelledby": "municipalities-heading" },
          h("h2", { id: "municipalities-heading" }, w.municipalities),
          h(
            "ul",
            {},
            municipalities.map((item) =>
              h(
                "li",
                {},
                h("a", { href: siteHref("MunicipalityPage", item.slug, item.locale) }, item.title),
                item.country ? ` (${item.country.name})` : null,
              ),
            ),
          ),
        )
      : null,
  );
  // The sections exist only now: the browser could not scroll to #news when the page loaded.
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) {
    target.scrollIntoView();
  }
}

// wagtail-headless-preview opens this page as ?content_type=calls.callpage&token=…
async function preview(token, contentType) {
  document.body.classList.add("previewing");
  const keySent = Boolean(previewKey());
  let data;
  try {
    data = await query(previewQuery(contentType), { token }, { preview: true });
  } catch (error) {
    if (error instanceof ApiError && error.needsPreviewKey) {
      rememberPreviewKey("");
      askForPreviewKey(token, contentType, keySent);
      return;
    }
    throw error;
  }
  const page = data.page;
  const pageLanguage = page.locale || language;
  setLanguage(pageLanguage);
  document.title = `${words(pageLanguage).preview}: ${page.title}`;
  const render = DETAIL[page.__typename];
  show(
    main,
    h("p", { class: "preview-banner", role: "status" }, words(pageLanguage).preview),
    render ? render(page, pageLanguage) : h("article", {}, h("h1", {}, page.title)),
  );
}

// The CMS shows drafts only with a preview key (PREVIEW_REQUIRES_KEY): the editor types in the
// key an administrator gave them, once per browser (see config.js for a private copy).
function askForPreviewKey(token, contentType, refused) {
  const w = words(language);
  const input = h("input", { type: "password", id: "preview-key", autocomplete: "off", required: true });
  const form = h(
    "form",
    { class: "preview-key" },
    h("p", {}, w.previewKeyNeeded),
    refused ? h("p", { class: "error", role: "alert" }, w.previewKeyRefused) : null,
    h("label", { for: "preview-key" }, w.previewKey),
    " ",
    input,
    " ",
    h("button", { type: "submit" }, w.showPreview),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    rememberPreviewKey(input.value.trim());
    preview(token, contentType).catch((error) => showError(main, language, error));
  });
  setLanguage(language);
  show(main, form);
  input.focus();
}

const token = params.get("token");
(token ? preview(token, params.get("content_type")) : home()).catch((error) => showError(main, language, error));
