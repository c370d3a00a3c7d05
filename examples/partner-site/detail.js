// call.html, conference.html and project.html: one page, by ?slug= and ?locale=.

import { query } from "./api.js";
import { visitorLanguage, words } from "./i18n.js";
import { CALL, CONFERENCE, PROJECT } from "./queries.js";
import {
  callDetail,
  conferenceDetail,
  h,
  languageSwitcher,
  projectDetail,
  setLanguage,
  show,
  showError,
  siteHref,
  slugFromUrl,
} from "./render.js";

const KINDS = {
  call: { document: CALL, field: "call", typename: "CallPage", render: callDetail },
  conference: { document: CONFERENCE, field: "conference", typename: "ConferencePage", render: conferenceDetail },
  project: { document: PROJECT, field: "project", typename: "ProjectPage", render: projectDetail },
};

export async function renderDetail(kind) {
  const params = new URLSearchParams(location.search);
  const language = visitorLanguage(params);
  const slug = params.get("slug");
  const main = document.getElementById("main");
  const languages = document.getElementById("languages");
  const { document: text, field, typename, render } = KINDS[kind];
  const w = words(language);
  setLanguage(language);
  try {
    const item = slug ? (await query(text, { slug, locale: language }))[field] : null;
    if (!item) {
      languages.replaceChildren(languageSwitcher(language, { hrefFor: (code) => `index.html?locale=${code}` }));
      show(main, h("h1", {}, w.notFound), h("p", {}, h("a", { href: `index.html?locale=${language}` }, w.allCalls)));
      return;
    }
    document.title = item.title;
    // The version shown (perhaps a fallback) and its translations make up the switcher.
    const versions = [{ locale: item.locale, title: item.title, url: null }, ...item.translations];
    languages.replaceChildren(
      languageSwitcher(language, {
        translations: versions,
        hrefFor: (code, version) => siteHref(typename, slugFromUrl(version && version.url) || slug, code),
      }),
    );
    show(
      main,
      h("p", { class: "back" }, h("a", { href: `index.html?locale=${language}` }, `← ${w.allCalls}`)),
      render(item, language),
    );
  } catch (error) {
    showError(main, language, error);
  }
}
