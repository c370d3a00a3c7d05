// call.html, conference.html, project.html, news.html and municipality.html: one page, by
// ?slug= and ?locale=.

import { query } from "./api.js";
import { renderChrome } from "./chrome.js";
import { visitorLanguage, words } from "./i18n.js";
import { CALL, CONFERENCE, MUNICIPALITY, NEWS_ITEM, PROJECT } from "./queries.js";
import {
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

// `back`: the home page's section that lists this kind, and the site's word for it.
const KINDS = {
  call: { document: CALL, field: "call", typename: "CallPage", render: callDetail, back: ["CallIndexPage", "allCalls"] },
  conference: { document: CONFERENCE, field: "conference", typename: "ConferencePage", render: conferenceDetail, back: ["ConferenceIndexPage", "conferences"] },
  project: { document: PROJECT, field: "project", typename: "ProjectPage", render: projectDetail, back: ["ProjectIndexPage", "projects"] },
  news: { document: NEWS_ITEM, field: "newsItem", typename: "NewsPage", render: newsDetail, back: ["NewsIndexPage", "news"] },
  municipality: { document: MUNICIPALITY, field: "municipality", typename: "MunicipalityPage", render: municipalityDetail, back: ["MunicipalityIndexPage", "municipalities"] },
};

export async function renderDetail(kind) {
  const params = new URLSearchParams(location.search);
  const language = visitorLanguage(params);
  const slug = params.get("slug");
  const main = document.getElementById("main");
  const languages = document.getElementById("languages");
  const { document: text, field, typename, render, back } = KINDS[kind];
  const w = words(language);
  setLanguage(language);
  renderChrome(language);
  try {
    const item = slug ? (await query(text, { slug, locale: language }))[field] : null;
    if (!item) {
      languages.replaceChildren(languageSwitcher(language, { hrefFor: (code) => `index.html?locale=${code}` }));
      show(main, h("h1", {}, w.notFound), h("p", {}, h("a", { href: `index.html?locale=${language}` }, w.allCalls)));
      return;
    }
    document.title = item.title;
    // The version shown (perhaps a fallback) and its translations make up the switcher.
    const versions = [{ locale: item.locale, title: item.title, slug: item.slug }, ...item.translations];
    languages.replaceChildren(
      languageSwitcher(language, {
        translations: versions,
        hrefFor: (code, version) => siteHref(typename, (version && version.slug) || slug, code),
      }),
    );
    show(
      main,
      h("p", { class: "back" }, h("a", { href: siteHref(back[0], null, language) }, `← ${w[back[1]]}`)),
      render(item, language),
    );
  } catch (error) {
    showError(main, language, error);
  }
}
