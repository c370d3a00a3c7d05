// index.html: the open calls in the visitor's language, or a draft sent by the CMS's Preview.

import { query } from "./api.js";
import { CALLS_PER_PAGE } from "./config.js";
import { visitorLanguage, words, formatMoment } from "./i18n.js";
import { HOME, previewQuery } from "./queries.js";
import {
  callCard,
  callDetail,
  conferenceDetail,
  h,
  languageSwitcher,
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

const DETAIL = { CallPage: callDetail, ConferencePage: conferenceDetail, ProjectPage: projectDetail };

async function home() {
  const w = words(language);
  setLanguage(language);
  document.title = w.openCalls;
  languages.replaceChildren(languageSwitcher(language, { hrefFor: (code) => `?locale=${code}` }));
  const data = await query(HOME, { locale: language, perPage: CALLS_PER_PAGE });
  const calls = data.calls.items;
  const conferences = data.conferences.items;
  const projects = data.projects.items;
  show(
    main,
    h("h1", {}, w.openCalls),
    calls.length
      ? h("ul", { class: "cards calls" }, calls.map((call) => callCard(call, language)))
      : h("p", { class: "empty" }, w.noCalls),
    conferences.length
      ? h(
          "section",
          { class: "conferences", "aria-labelledby": "conferences-heading" },
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
          { class: "projects", "aria-labelledby": "projects-heading" },
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
  );
}

// wagtail-headless-preview opens this page as ?content_type=calls.callpage&token=…
async function preview(token, contentType) {
  document.body.classList.add("previewing");
  const data = await query(previewQuery(contentType), { token }, { preview: true });
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

const token = params.get("token");
(token ? preview(token, params.get("content_type")) : home()).catch((error) => showError(main, language, error));
