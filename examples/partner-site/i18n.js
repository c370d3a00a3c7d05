// The visitor's language, this site's own words in each language, and date formatting.

import { LANGUAGES } from "./config.js";

// Each language's words; a plural is an object keyed by Intl.PluralRules categories (Slovenian
// has four: one, two, few, other). `inLanguage` says "in <language>" as a sentence needs it, for
// each content language (Slovenian declines the name: "v angleščini").
const WORDS = {
  en: {
    siteName: "Solidarity network",
    footer: "Content from Solidarity CMS through its GraphQL API.",
    mainMenu: "Main menu",
    footerMenu: "More links",
    openCalls: "Open calls",
    noCalls: "There are no open calls at the moment.",
    conferences: "Upcoming conferences",
    projects: "Projects",
    news: "News",
    municipalities: "Partner municipalities",
    region: "Region",
    country: "Country",
    population: "Population",
    author: "By",
    deadline: "Deadline",
    opens: "Opens",
    programme: "Programme",
    eligibleCountries: "Eligible countries",
    age: "Age",
    duration: "Duration",
    months: { one: "month", other: "months" },
    qualityLabel: "Required quality label",
    contact: "Contact",
    apply: "Apply online",
    alsoIn: "Also in",
    fallback: "Not translated yet: shown {inLanguage}.",
    inLanguage: { en: "in English", sl: "in Slovenian", sv: "in Swedish", other: "in {language}" },
    allCalls: "All open calls",
    loading: "Loading…",
    failed: "The content could not be loaded.",
    notFound: "This page was not found.",
    preview: "Preview of an unpublished draft",
    previewKeyNeeded: "This CMS shows drafts only with a preview key. Enter the key your CMS administrator gave you; this browser keeps it.",
    previewKey: "Preview key",
    showPreview: "Show the preview",
    previewKeyRefused: "The CMS did not accept this key.",
    language: "Language",
    status: { open: "Open", upcoming: "Upcoming", closed: "Closed" },
    when: "When",
    where: "Where",
    organiser: "Organiser",
    applicationsClose: "Applications close",
    partners: "Partner municipalities and organisations",
    website: "Website",
    documents: "Documents",
    event: "Event",
    relatedConference: "Conference",
    relatedProject: "Project",
    role: { lead: "Lead partner", partner: "Partner", associated: "Associated partner", local: "Local partner" },
    format: { online: "Online", on_site: "On site", hybrid: "Hybrid (on site and online)" },
  },
  sl: {
    siteName: "Solidarnostna mreža",
    footer: "Vsebina iz sistema Solidarity CMS prek njegovega vmesnika GraphQL.",
    mainMenu: "Glavni meni",
    footerMenu: "Več povezav",
    openCalls: "Odprti razpisi",
    noCalls: "Trenutno ni odprtih razpisov.",
    conferences: "Prihajajoče konference",
    projects: "Projekti",
    news: "Novice",
    municipalities: "Partnerske občine",
    region: "Regija",
    country: "Država",
    population: "Prebivalci",
    author: "Avtor",
    deadline: "Rok za prijavo",
    opens: "Začetek prijav",
    programme: "Program",
    eligibleCountries: "Upravičene države",
    age: "Starost",
    duration: "Trajanje",
    months: { one: "mesec", two: "meseca", few: "mesece", other: "mesecev" },
    qualityLabel: "Zahtevani znak kakovosti",
    contact: "Kontakt",
    apply: "Prijava na spletu",
    alsoIn: "Na voljo tudi",
    fallback: "Še ni prevedeno: prikazano {inLanguage}.",
    inLanguage: { en: "v angleščini", sl: "v slovenščini", sv: "v švedščini", other: "v jeziku {language}" },
    allCalls: "Vsi odprti razpisi",
    loading: "Nalaganje …",
    failed: "Vsebine ni bilo mogoče naložiti.",
    notFound: "Strani ni bilo mogoče najti.",
    preview: "Predogled neobjavljenega osnutka",
    previewKeyNeeded: "Ta CMS osnutke pokaže samo s ključem za predogled. Vnesite ključ, ki vam ga je dal skrbnik CMS; ta brskalnik si ga zapomni.",
    previewKey: "Ključ za predogled",
    showPreview: "Pokaži predogled",
    previewKeyRefused: "CMS tega ključa ni sprejel.",
    language: "Jezik",
    status: { open: "Odprt", upcoming: "Kmalu", closed: "Zaprt" },
    when: "Kdaj",
    where: "Kje",
    organiser: "Organizator",
    applicationsClose: "Prijave do",
    partners: "Partnerske občine in organizacije",
    website: "Spletna stran",
    documents: "Dokumenti",
    event: "Dogodek",
    relatedConference: "Konferenca",
    relatedProject: "Projekt",
    role: { lead: "Vodilni partner", partner: "Partner", associated: "Pridruženi partner", local: "Lokalni partner" },
    format: { online: "Spletna", on_site: "V živo", hybrid: "Hibridna (v živo in na spletu)" },
  },
  sv: {
    siteName: "Solidaritetsnätverket",
    footer: "Innehåll från Solidarity CMS via dess GraphQL-API.",
    mainMenu: "Huvudmeny",
    footerMenu: "Fler länkar",
    openCalls: "Öppna utlysningar",
    noCalls: "Det finns inga öppna utlysningar just nu.",
    conferences: "Kommande konferenser",
    projects: "Projekt",
    news: "Nyheter",
    municipalities: "Partnerkommuner",
    region: "Region",
    country: "Land",
    population: "Invånare",
    author: "Av",
    deadline: "Sista ansökningsdag",
    opens: "Öppnar",
    programme: "Program",
    eligibleCountries: "Behöriga länder",
    age: "Ålder",
    duration: "Längd",
    months: { one: "månad", other: "månader" },
    qualityLabel: "Krav på kvalitetsmärkning",
    contact: "Kontakt",
    apply: "Ansök online",
    alsoIn: "Finns även på",
    fallback: "Inte översatt ännu: visas {inLanguage}.",
    inLanguage: { en: "på engelska", sl: "på slovenska", sv: "på svenska", other: "på {language}" },
    allCalls: "Alla öppna utlysningar",
    loading: "Laddar …",
    failed: "Innehållet kunde inte laddas.",
    notFound: "Sidan hittades inte.",
    preview: "Förhandsvisning av ett opublicerat utkast",
    previewKeyNeeded: "Detta CMS visar utkast bara med en förhandsvisningsnyckel. Ange nyckeln du fått av CMS-administratören; den här webbläsaren sparar den.",
    previewKey: "Förhandsvisningsnyckel",
    showPreview: "Visa förhandsvisningen",
    previewKeyRefused: "CMS:et godtog inte nyckeln.",
    language: "Språk",
    status: { open: "Öppen", upcoming: "Kommande", closed: "Stängd" },
    when: "När",
    where: "Var",
    organiser: "Arrangör",
    applicationsClose: "Sista ansökningsdag",
    partners: "Partnerkommuner och organisationer",
    website: "Webbplats",
    documents: "Dokument",
    event: "Evenemang",
    relatedConference: "Konferens",
    relatedProject: "Projekt",
    role: { lead: "Huvudpartner", partner: "Partner", associated: "Associerad partner", local: "Lokal partner" },
    format: { online: "Online", on_site: "På plats", hybrid: "Hybrid (på plats och online)" },
  },
};

// The language asked for in the address (?locale=sl), else the first of the browser's
// languages this site offers, else the first configured one.
export function visitorLanguage(params = new URLSearchParams(location.search)) {
  const asked = (params.get("locale") || "").toLowerCase();
  if (LANGUAGES.includes(asked)) {
    return asked;
  }
  for (const tag of navigator.languages || [navigator.language]) {
    const base = String(tag).toLowerCase().split("-")[0];
    if (LANGUAGES.includes(base)) {
      return base;
    }
  }
  return LANGUAGES[0];
}

// This site's words in `language`; English for languages it has no words for.
export function words(language) {
  return WORDS[language] || WORDS.en;
}

// The plural form of `forms` (e.g. words(language).months) that goes with the number `count`.
export function plural(forms, count, language) {
  const category = new Intl.PluralRules(language).select(count);
  return forms[category] || forms.other;
}

// "in English" as `language` says it in a sentence, for content in the language `code`.
export function inLanguage(code, language) {
  const phrases = words(language).inLanguage;
  if (phrases[code]) {
    return phrases[code];
  }
  const name = new Intl.DisplayNames([language], { type: "language" }).of(code) || code;
  return phrases.other.replace("{language}", name);
}

// A language's name in that language ("Slovenščina"), for the switcher.
export function languageName(code, inLanguage = code) {
  try {
    const name = new Intl.DisplayNames([inLanguage], { type: "language" }).of(code);
    return name.charAt(0).toLocaleUpperCase(inLanguage) + name.slice(1);
  } catch {
    return code;
  }
}

// An ISO 8601 moment from the API, shown in the event's own time zone.
export function formatMoment(iso, timeZone, language, { withTime = true } = {}) {
  if (!iso) {
    return "";
  }
  const options = { dateStyle: "long", timeZone: timeZone || undefined };
  if (withTime) {
    options.timeStyle = "short";
  }
  try {
    return new Intl.DateTimeFormat(language, options).format(new Date(iso));
  } catch {
    return iso;
  }
}

// A calendar date (YYYY-MM-DD) from the API.
export function formatDate(date, language) {
  if (!date) {
    return "";
  }
  const [year, month, day] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}
