// GraphQL documents, with the field names of the CMS schema (schema.graphql in the CMS repo).

const BODY = `
  body {
    __typename
    ... on RichTextBlock { value }
    ... on HeadingBlock { text level }
    ... on QuoteBlock { quote attribution }
    ... on ImageBlock { caption credit image { alt rendition(preset: MEDIUM) { url width height } } }
    ... on PageLinkBlock { text page { contentType title slug locale translations { locale slug } } }
  }`;

const TRANSLATIONS = "translations { locale title slug }";

// The lead image at the top of a page: one size for src, the width-based presets for srcset.
const LEAD_IMAGE = `
  leadImage { alt rendition(preset: MEDIUM) { url width height } srcSet(presets: [SMALL, MEDIUM, LARGE]) }
  leadImageCaption leadImageCredit`;

// The documents to download (calls, conferences, projects), in the editors' order.
const ATTACHMENTS = "attachments { title kind kindLabel language url size fileType }";

export const CALL_FIELDS = `
  fragment CallFields on CallPage {
    title slug locale summary status opensAt deadline timeZone
    programme { name acronym }
    programmeAction { name }
    minAge maxAge
    durationMinMonths durationMaxMonths
    allEligibleCountries { code name }
    eligibilityNote
    requiredQualityLabel
    applicationUrl
    contact { name email }
    relatedConference { title slug locale }
    relatedProject { title slug locale }
    ${LEAD_IMAGE}
    ${ATTACHMENTS}
    ${TRANSLATIONS}
    ${BODY}
  }`;

export const CONFERENCE_FIELDS = `
  fragment ConferenceFields on ConferencePage {
    title slug locale summary format formatLabel startsAt endsAt timeZone
    venue onlinePlatform onlineUrl
    applicationUrl applicationDeadline applicationsOpen
    allEligibleCountries { code name }
    mainOrganiser { name website }
    ${LEAD_IMAGE}
    ${ATTACHMENTS}
    ${TRANSLATIONS}
    ${BODY}
  }`;

export const PROJECT_FIELDS = `
  fragment ProjectFields on ProjectPage {
    title slug locale acronym summary startDate endDate website
    programme { name acronym }
    partners {
      role roleLabel name
      municipality { title officialName region website country { code name } }
      organisation { name website }
    }
    ${LEAD_IMAGE}
    ${ATTACHMENTS}
    ${TRANSLATIONS}
    ${BODY}
  }`;

export const NEWS_FIELDS = `
  fragment NewsFields on NewsPage {
    title slug locale date authorName intro
    galleryImages { caption image { alt rendition(preset: MEDIUM) { url width height } } }
    relatedProjects { title slug locale }
    eventDate eventStartsAt eventTimeZone eventPlace
    ${LEAD_IMAGE}
    ${TRANSLATIONS}
    ${BODY}
  }`;

export const MUNICIPALITY_FIELDS = `
  fragment MunicipalityFields on MunicipalityPage {
    title slug locale officialName region website population shortProfile
    country { code name }
    logo { alt rendition(preset: LOGO) { url width height } }
    ${TRANSLATIONS}
    ${BODY}
  }`;

export const HOME = `
  query Home($locale: String!, $perPage: Int!) {
    calls(locale: $locale, status: OPEN, order: DEADLINE, perPage: $perPage) {
      items {
        title slug locale summary deadline timeZone
        leadImage { alt rendition(preset: SMALL) { url width height } srcSet(presets: [SMALL, MEDIUM]) }
        programme { name }
        allEligibleCountries { code name }
        applicationUrl
        ${TRANSLATIONS}
      }
      pagination { total }
    }
    conferences(locale: $locale, upcoming: true, order: START, perPage: 5) {
      items { title slug locale startsAt timeZone formatLabel }
    }
    projects(locale: $locale, perPage: 5) {
      items { title slug locale acronym }
    }
    news(locale: $locale, order: DATE_DESC, perPage: 5) {
      items { title slug locale date }
    }
    municipalities(locale: $locale, order: TITLE, perPage: 20) {
      items { title slug locale country { name } }
    }
  }`;

export const CALL = `
  query Call($slug: String!, $locale: String!) {
    call(slug: $slug, locale: $locale) { ...CallFields }
  }
  ${CALL_FIELDS}`;

export const CONFERENCE = `
  query Conference($slug: String!, $locale: String!) {
    conference(slug: $slug, locale: $locale) { ...ConferenceFields }
  }
  ${CONFERENCE_FIELDS}`;

export const PROJECT = `
  query Project($slug: String!, $locale: String!) {
    project(slug: $slug, locale: $locale) { ...ProjectFields }
  }
  ${PROJECT_FIELDS}`;

export const NEWS_ITEM = `
  query NewsItem($slug: String!, $locale: String!) {
    newsItem(slug: $slug, locale: $locale) { ...NewsFields }
  }
  ${NEWS_FIELDS}`;

export const MUNICIPALITY = `
  query Municipality($slug: String!, $locale: String!) {
    municipality(slug: $slug, locale: $locale) { ...MunicipalityFields }
  }
  ${MUNICIPALITY_FIELDS}`;

// A draft sent by the CMS's Preview button (wagtail-headless-preview), which names its content
// type (?content_type=calls.callpage). Only that type's fields are asked for: the types share
// field names with different types (summary is required on calls, optional on projects), which
// GraphQL refuses to merge in one selection.
const PREVIEW_FRAGMENTS = {
  "calls.callpage": ["CallFields", CALL_FIELDS],
  "conferences.conferencepage": ["ConferenceFields", CONFERENCE_FIELDS],
  "projects.projectpage": ["ProjectFields", PROJECT_FIELDS],
  "news.newspage": ["NewsFields", NEWS_FIELDS],
  "municipalities.municipalitypage": ["MunicipalityFields", MUNICIPALITY_FIELDS],
};

export function previewQuery(contentType) {
  const [name, fragment] = PREVIEW_FRAGMENTS[contentType] || [null, ""];
  return `
  query Preview($token: String!) {
    page(token: $token) {
      __typename title locale
      ${name ? `...${name}` : ""}
    }
  }
  ${fragment}`;
}

// The site's frame: the network's name, tagline and links from the CMS (siteSettings, menu).
export const CHROME = `
  query Chrome($locale: String!) {
    siteSettings(locale: $locale) {
      networkName tagline contactEmail
      socialLinks { network networkLabel url }
    }
    main: menu(name: MAIN, locale: $locale) { items { label url } }
    footer: menu(name: FOOTER, locale: $locale) { items { label url } }
  }`;
