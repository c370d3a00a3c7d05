// The visitor's language, this site's own words in each language, and date formatting.

import { LANGUAGES } from "./config.js";

const WORDS = {
  en: {
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
    months: "months",
    qualityLabel: "Required quality label",
    contact: "Contact",
    apply: "Apply online",
    alsoIn: "Also in",
    fallback: "Not translated yet: shown in {language}.",
    allCalls: "All open calls",
    loading: "Loading…",
    failed: "The content could not be loaded.",
    notFound: "This page was not found.",
    preview: "Preview of an unpublished draft",
    language: "Language",
    status: { open: "Open", upcoming: "Upcoming", closed: "Closed" },
    when: "When",
    where: "Where",
    organiser: "Organiser",
    applicationsClose: "Applications close",
    partners: "Partner municipalities and organisations",
    website: "Website",
    relatedConference: "Conference",
    relatedProject: "Project",
    role: { lead: "Lead partner", partner: "Partner", associated: "Associated partner", local: "Local partner" },
    format: { online: "Online", on_site: "On site", hybrid: "Hybrid (on site and online)" },
  },
  sl: {
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
    months: "mesecev",
    qualityLabel: "Zahtevani znak kakovosti",
    contact: "Kontakt",
    apply: "Prijava na spletu",
    alsoIn: "Tudi v jeziku",
    fallback: "Še ni prevedeno: prikazano v jeziku {language}.",
    allCalls: "Vsi odprti razpisi",
    loading: "Nalaganje …",
    failed: "Vsebine ni bilo mogoče naložiti.",
    notFound: "Strani ni bilo mogoče najti.",
    preview: "Predogled neobjavljenega osnutka",
    language: "Jezik",
    status: { open: "Odprt", upcoming: "Kmalu", closed: "Zaprt" },
    when: "Kdaj",
    where: "Kje",
    organiser: "Organizator",
    applicationsClose: "Prijave do",
    partners: "Partnerske občine in organizacije",
    website: "Spletna stran",
    relatedConference: "Konferenca",
    relatedProject: "Projekt",
    role: { lead: "Vodilni partner", partner: "Partner", associated: "Pridruženi partner", local: "Lokalni partner" },
    format: { online: "Spletna", on_site: "V živo", hybrid: "Hibridna (v živo in na spletu)" },
  },
  sv: {
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
    months: "månader",
    qualityLabel: "Krav på kvalitetsmärkning",
    contact: "Kontakt",
    apply: "Ansök online",
    alsoIn: "Finns även på",
    fallback: "Inte översatt ännu: visas på {language}.",
    allCalls: "Alla öppna utlysningar",
    loading: "Laddar …",
    failed: "Innehållet kunde inte laddas.",
    notFound: "Sidan hittades inte.",
    preview: "Förhandsvisning av ett opublicerat utkast",
    language: "Språk",
    status: { open: "Öppen", upcoming: "Kommande", closed: "Stängd" },
    when: "När",
    where: "Var",
    organiser: "Arrangör",
    applicationsClose: "Sista ansökningsdag",
    partners: "Partnerkommuner och organisationer",
    website: "Webbplats",
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
