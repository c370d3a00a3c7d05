// Building the pages from API data. Text always goes in as text; the only HTML taken from the
// API is rich text, which passes an allow-list first.

import { LANGUAGES } from "./config.js";
import { formatDate, formatMoment, inLanguage, languageName, plural, words } from "./i18n.js";

// h("a", { href: "x" }, "text", child): an element; null and false children are skipped.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

// Where this site shows each page type (GraphQL type names). The CMS's page URLs follow the
// same shapes (each page type's frontend_url_pattern), so links the CMS gives lead here too:
// a page of its own, ?slug=…&locale=…, or a section of the home page, ?locale=…#section.
export const PAGES = {
  CallPage: "call.html",
  ConferencePage: "conference.html",
  ProjectPage: "project.html",
  NewsPage: "news.html",
  MunicipalityPage: "municipality.html",
};
export const SECTIONS = {
  HomePage: "",
  CallIndexPage: "calls",
  ConferenceIndexPage: "conferences",
  ProjectIndexPage: "projects",
  NewsIndexPage: "news",
  MunicipalityIndexPage: "municipalities",
};

// Where this site shows a page of the given type (a GraphQL type name such as "CallPage", or a
// content type such as "calls.CallPage"); null for a type it does not show.
export function siteHref(typename, slug, locale) {
  const type = String(typename || "").split(".").pop();
  if (type in SECTIONS) {
    const query = locale ? `?${new URLSearchParams({ locale })}` : "";
    return `index.html${query}${SECTIONS[type] ? `#${SECTIONS[type]}` : ""}`;
  }
  const file = PAGES[type];
  if (!file || !slug) {
    return null;
  }
  const params = new URLSearchParams({ slug });
  if (locale) {
    params.set("locale", locale);
  }
  return `${file}?${params}`;
}

// --- Rich text ---------------------------------------------------------------------------------

const ALLOWED = {
  P: [], BR: [], STRONG: [], B: [], EM: [], I: [], UL: [], OL: [], LI: [],
  H2: [], H3: [], H4: [], BLOCKQUOTE: [], A: ["href"],
};

export function safeHref(value) {
  try {
    const url = new URL(value, location.href);
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? value : null;
  } catch {
    return null;
  }
}

function cleanNode(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    return document.createTextNode(node.textContent);
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return null;
  }
  const children = [...node.childNodes].map(cleanNode).filter(Boolean);
  if (!(node.tagName in ALLOWED)) {
    // Unknown wrapper: keep its text and allowed children, drop the element itself.
    const fragment = document.createDocumentFragment();
    fragment.append(...children);
    return fragment;
  }
  const clean = document.createElement(node.tagName);
  for (const name of ALLOWED[node.tagName]) {
    const value = node.getAttribute(name);
    const safe = name === "href" && value ? safeHref(value) : value;
    if (safe) {
      clean.setAttribute(name, safe);
    }
  }
  clean.append(...children);
  return clean;
}

export function richText(html) {
  const parsed = new DOMParser().parseFromString(`<body>${html || ""}</body>`, "text/html");
  const fragment = document.createDocumentFragment();
  for (const child of parsed.body.childNodes) {
    const clean = cleanNode(child);
    if (clean) {
      fragment.append(clean);
    }
  }
  return h("div", { class: "rich-text" }, fragment);
}

// --- StreamField body --------------------------------------------------------------------------

function block(item, language) {
  switch (item.__typename) {
    case "RichTextBlock":
      return richText(item.value);
    case "HeadingBlock":
      return h(item.level === "h3" ? "h3" : "h2", {}, item.text);
    case "QuoteBlock":
      return h(
        "blockquote",
        {},
        h("p", {}, item.quote),
        item.attribution ? h("footer", {}, item.attribution) : null,
      );
    case "ImageBlock": {
      const rendition = item.image && item.image.rendition;
      if (!rendition) {
        return null;
      }
      return h(
        "figure",
        {},
        h("img", {
          src: rendition.url,
          width: rendition.width,
          height: rendition.height,
          alt: item.image.alt || "",
          loading: "lazy",
        }),
        item.caption || item.credit
          ? h("figcaption", {}, [item.caption, item.credit].filter(Boolean).join(" · "))
          : null,
      );
    }
    case "PageLinkBlock": {
      const page = item.page;
      if (!page) {
        return null;
      }
      // The chosen page is typed as a plain Page, so its content type names the kind. A
      // translation's link may still point at the source page: link the visitor's language
      // (the CMS falls back to the source where there is no translation).
      const translation = (page.translations || []).find((t) => t.locale === language);
      const slug = (translation && translation.slug) || page.slug;
      const href = siteHref(page.contentType, slug, language || page.locale);
      const text = item.text || page.title;
      return h("p", { class: "page-link" }, href ? h("a", { href }, text) : text);
    }
    default:
      return null;
  }
}

export function body(items, language) {
  return h("div", { class: "body" }, (items || []).map((item) => block(item, language)));
}

// --- Shared pieces -----------------------------------------------------------------------------

// The switcher: every configured language; on a page, each one links to that language's
// version when the page has one (from `translations`) and is marked unavailable otherwise.
export function languageSwitcher(current, { translations = null, hrefFor } = {}) {
  const available = translations ? new Map(translations.map((t) => [t.locale, t])) : null;
  const items = LANGUAGES.map((code) => {
    const name = languageName(code);
    if (code === current) {
      return h("li", {}, h("span", { "aria-current": "true", lang: code }, name));
    }
    if (available && !available.has(code)) {
      return h("li", {}, h("span", { class: "unavailable", lang: code }, name));
    }
    const translation = available ? available.get(code) : null;
    return h(
      "li",
      {},
      h("a", { href: hrefFor(code, translation), hreflang: code, lang: code }, name),
    );
  });
  return h(
    "nav",
    { class: "languages", "aria-label": words(current).language },
    h("ul", {}, items),
  );
}

export function fallbackNote(item, language) {
  if (!item.locale || item.locale === language) {
    return null;
  }
  const text = words(language).fallback.replace("{inLanguage}", inLanguage(item.locale, language));
  return h("p", { class: "fallback" }, text);
}

function facts(rows) {
  const present = rows.filter(([, value]) => value !== null && value !== undefined && value !== "");
  return h("dl", { class: "facts" }, present.map(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]));
}

function countries(list) {
  return (list || [])
    .map((country) => country.name)
    .sort((a, b) => a.localeCompare(b))
    .join(", ");
}

// "2–12 months": `units` is a plural (see i18n.js), agreeing with the last number.
function range(low, high, units = null, language = "en") {
  if (low == null && high == null) {
    return null;
  }
  const text = low != null && high != null ? `${low}–${high}` : low != null ? `${low}+` : `≤ ${high}`;
  return units ? `${text} ${plural(units, high ?? low, language)}` : text;
}

function external(href, text) {
  // The CMS validates addresses, but a partner site should not trust any source with a link.
  const safe = href && safeHref(href);
  return safe ? h("a", { href: safe, rel: "noopener", class: "external" }, text || safe) : null;
}

// The lead image: small on a card (no caption), as a figure with caption and credit on a page.
// `srcset` lets the browser pick the size the screen needs; the alt text is the page's own.
function leadImage(item, { card = false } = {}) {
  const image = item.leadImage;
  const rendition = image && image.rendition;
  if (!rendition) {
    return null;
  }
  const img = h("img", {
    class: "lead-image",
    src: rendition.url,
    srcset: image.srcSet || null,
    sizes: card ? "(min-width: 40em) 20em, 100vw" : "(min-width: 60em) 60em, 100vw",
    width: rendition.width,
    height: rendition.height,
    alt: image.alt || "",
    loading: card ? "lazy" : null,
  });
  if (card) {
    return img;
  }
  const caption = [item.leadImageCaption, item.leadImageCredit].filter(Boolean).join(" · ");
  return h("figure", { class: "lead" }, img, caption ? h("figcaption", {}, caption) : null);
}

function fileSize(bytes, language) {
  if (bytes == null) {
    return null;
  }
  const [value, unit] = bytes < 1000 * 1000 ? [bytes / 1000, "kilobyte"] : [bytes / 1000 / 1000, "megabyte"];
  return new Intl.NumberFormat(language, { style: "unit", unit, maximumFractionDigits: 1 }).format(value);
}

// The documents to download: title (the link), kind, the document's language, type and size.
function attachments(list, language) {
  const items = (list || []).filter((attachment) => safeHref(attachment.url));
  if (!items.length) {
    return null;
  }
  return [
    h("h2", { id: "documents-heading" }, words(language).documents),
    h(
      "ul",
      { class: "attachments", "aria-labelledby": "documents-heading" },
      items.map((attachment) => {
        const details = [
          attachment.kindLabel,
          languageName(attachment.language, language),
          [String(attachment.fileType || "").toUpperCase(), fileSize(attachment.size, language)].filter(Boolean).join(", "),
        ].filter(Boolean);
        return h(
          "li",
          { class: `attachment attachment-${attachment.kind}` },
          h("a", { href: safeHref(attachment.url), hreflang: attachment.language, download: true }, attachment.title),
          ` (${details.join(" · ")})`,
        );
      }),
    ),
  ];
}

// --- Pages -------------------------------------------------------------------------------------

export function callCard(call, language) {
  const w = words(language);
  const href = siteHref("CallPage", call.slug, call.locale);
  return h(
    "li",
    { class: "card call", "data-slug": call.slug },
    leadImage(call, { card: true }),
    h("h3", {}, h("a", { href }, call.title)),
    call.locale !== language ? fallbackNote(call, language) : null,
    h("p", { class: "summary" }, call.summary),
    facts([
      [w.programme, call.programme && call.programme.name],
      [w.deadline, formatMoment(call.deadline, call.timeZone, language)],
      [w.eligibleCountries, countries(call.allEligibleCountries)],
    ]),
    call.translations && call.translations.length
      ? h(
          "p",
          { class: "also-in" },
          `${w.alsoIn}: `,
          call.translations.map((t, index) => [
            index ? ", " : "",
            h(
              "a",
              { href: siteHref("CallPage", t.slug || call.slug, t.locale), hreflang: t.locale, lang: t.locale },
              `${t.title} (${languageName(t.locale)})`,
            ),
          ]),
        )
      : null,
  );
}

export function callDetail(call, language) {
  const w = words(language);
  // The API's CallStatus enum (OPEN, UPCOMING, CLOSED) names the words and the style.
  const status = String(call.status).toLowerCase();
  return h(
    "article",
    { class: "call", lang: call.locale },
    h("p", { class: `status status-${status}` }, w.status[status] || status),
    h("h1", {}, call.title),
    fallbackNote(call, language),
    leadImage(call),
    h("p", { class: "summary" }, call.summary),
    facts([
      [w.programme, [call.programme && call.programme.name, call.programmeAction && call.programmeAction.name].filter(Boolean).join(" – ")],
      [w.opens, formatMoment(call.opensAt, call.timeZone, language)],
      [w.deadline, formatMoment(call.deadline, call.timeZone, language)],
      [w.eligibleCountries, countries(call.allEligibleCountries)],
      [w.age, range(call.minAge, call.maxAge)],
      [w.duration, range(call.durationMinMonths, call.durationMaxMonths, w.months, language)],
      [w.qualityLabel, call.requiredQualityLabel],
      [w.contact, call.contact ? [call.contact.name, call.contact.email].filter(Boolean).join(", ") : null],
      [
        w.relatedConference,
        call.relatedConference
          ? h("a", { href: siteHref("ConferencePage", call.relatedConference.slug, call.relatedConference.locale) }, call.relatedConference.title)
          : null,
      ],
      [
        w.relatedProject,
        call.relatedProject
          ? h("a", { href: siteHref("ProjectPage", call.relatedProject.slug, call.relatedProject.locale) }, call.relatedProject.title)
          : null,
      ],
    ]),
    call.eligibilityNote ? h("p", { class: "note" }, call.eligibilityNote) : null,
    call.applicationUrl ? h("p", { class: "apply" }, external(call.applicationUrl, w.apply)) : null,
    body(call.body, language),
    attachments(call.attachments, language),
  );
}

export function conferenceDetail(conference, language) {
  const w = words(language);
  const when = [
    formatMoment(conference.startsAt, conference.timeZone, language),
    formatMoment(conference.endsAt, conference.timeZone, language),
  ].filter(Boolean).join(" – ");
  return h(
    "article",
    { class: "conference", lang: conference.locale },
    h("p", { class: "status" }, w.format[conference.format] || conference.formatLabel),
    h("h1", {}, conference.title),
    fallbackNote(conference, language),
    leadImage(conference),
    h("p", { class: "summary" }, conference.summary),
    facts([
      [w.when, when],
      [w.where, [conference.venue, conference.onlinePlatform].filter(Boolean).join(" / ")],
      [w.organiser, conference.mainOrganiser ? conference.mainOrganiser.name : null],
      [w.eligibleCountries, countries(conference.allEligibleCountries)],
      [w.applicationsClose, formatMoment(conference.applicationDeadline, conference.timeZone, language)],
    ]),
    conference.applicationUrl && conference.applicationsOpen
      ? h("p", { class: "apply" }, external(conference.applicationUrl, w.apply))
      : null,
    body(conference.body, language),
    attachments(conference.attachments, language),
  );
}

export function projectDetail(project, language) {
  const w = words(language);
  // A partner whose municipality page is not published comes without municipality or name:
  // it is left out rather than shown as an empty entry.
  const listed = (project.partners || []).filter((partner) => partner.municipality || partner.organisation);
  const partners = listed.map((partner) => {
    const municipality = partner.municipality;
    const place = municipality
      ? [municipality.region, municipality.country && municipality.country.name].filter(Boolean).join(", ")
      : null;
    const website = (municipality && municipality.website) || (partner.organisation && partner.organisation.website);
    return h(
      "li",
      { class: `partner partner-${partner.role}` },
      h("strong", {}, (municipality && municipality.title) || partner.name),
      place ? ` (${place})` : null,
      ` – ${w.role[partner.role] || partner.roleLabel}`,
      website ? [" · ", external(website, w.website)] : null,
    );
  });
  return h(
    "article",
    { class: "project", lang: project.locale },
    h("p", { class: "status" }, project.acronym),
    h("h1", {}, project.title),
    fallbackNote(project, language),
    leadImage(project),
    project.summary ? h("p", { class: "summary" }, project.summary) : null,
    facts([
      [w.programme, project.programme && project.programme.name],
      [w.when, [formatDate(project.startDate, language), formatDate(project.endDate, language)].filter(Boolean).join(" – ")],
      [w.website, external(project.website)],
    ]),
    partners.length
      ? [
          h("h2", { id: "partners-heading" }, w.partners),
          h("ul", { class: "partners", "aria-labelledby": "partners-heading" }, partners),
        ]
      : null,
    body(project.body, language),
    attachments(project.attachments, language),
  );
}

// The event a news item reports on: its day (and time, in its own time zone) and place.
function event(item, language) {
  const when = item.eventStartsAt
    ? formatMoment(item.eventStartsAt, item.eventTimeZone, language)
    : formatDate(item.eventDate, language);
  if (!when && !item.eventPlace) {
    return null;
  }
  return h("dl", { class: "facts event" }, h("dt", {}, words(language).event), h("dd", {}, [when, item.eventPlace].filter(Boolean).join(", ")));
}

export function newsDetail(item, language) {
  const w = words(language);
  const images = (item.galleryImages || []).filter((row) => row.image && row.image.rendition);
  return h(
    "article",
    { class: "news", lang: item.locale },
    h("p", { class: "status" }, formatDate(item.date, language)),
    h("h1", {}, item.title),
    fallbackNote(item, language),
    leadImage(item),
    item.authorName ? h("p", { class: "byline" }, `${w.author} ${item.authorName}`) : null,
    item.intro ? h("p", { class: "summary" }, item.intro) : null,
    event(item, language),
    body(item.body, language),
    images.map((row) =>
      h(
        "figure",
        {},
        h("img", {
          src: row.image.rendition.url,
          width: row.image.rendition.width,
          height: row.image.rendition.height,
          alt: row.caption || row.image.alt || "",
          loading: "lazy",
        }),
        row.caption ? h("figcaption", {}, row.caption) : null,
      ),
    ),
    (item.relatedProjects || []).length
      ? h(
          "p",
          { class: "related" },
          `${w.projects}: `,
          item.relatedProjects.map((project, index) => [
            index ? ", " : "",
            h("a", { href: siteHref("ProjectPage", project.slug, project.locale) }, project.title),
          ]),
        )
      : null,
  );
}

export function municipalityDetail(municipality, language) {
  const w = words(language);
  const logo = municipality.logo && municipality.logo.rendition;
  return h(
    "article",
    { class: "municipality", lang: municipality.locale },
    logo
      ? h("img", { class: "logo", src: logo.url, width: logo.width, height: logo.height, alt: municipality.logo.alt || "" })
      : null,
    h("h1", {}, municipality.title),
    fallbackNote(municipality, language),
    municipality.shortProfile ? h("p", { class: "summary" }, municipality.shortProfile) : null,
    facts([
      [w.region, municipality.region],
      [w.country, municipality.country && municipality.country.name],
      [w.population, municipality.population != null ? municipality.population.toLocaleString(language) : null],
      [w.website, external(municipality.website)],
    ]),
    body(municipality.body, language),
  );
}

// --- Page frame --------------------------------------------------------------------------------

export function show(main, ...content) {
  main.replaceChildren(...content.flat(Infinity).filter(Boolean));
  main.removeAttribute("aria-busy");
}

export function showError(main, language, error) {
  show(main, h("div", { class: "error", role: "alert" }, h("p", {}, words(language).failed), h("p", {}, error.message)));
}

// The page frame (language, header, footer) in `language`.
export function setLanguage(language) {
  const w = words(language);
  document.documentElement.lang = language;
  const brand = document.querySelector(".brand");
  if (brand) {
    brand.href = `index.html?locale=${language}`;
    brand.textContent = w.siteName;
  }
  const footer = document.querySelector(".site-footer");
  if (footer) {
    footer.textContent = w.footer;
  }
}
