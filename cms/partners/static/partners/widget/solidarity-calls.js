// <solidarity-calls>: open calls from Solidarity CMS, for any partner page.
//
//   <script type="module" src="https://cms.example/widget/solidarity-calls.js"></script>
//   <solidarity-calls country="SI" key="scms_…" lang="sl"></solidarity-calls>
//
// Attributes: country (ISO code, calls open to it), key (a partner API key), lang (else the
// browser's languages, else languages[0]), languages (the CMS's, default "en,sl,sv"),
// programme (slug), limit (default 10), api (default: /graphql/ beside this script).
// Theming: CSS custom properties --solidarity-font, --solidarity-font-size, --solidarity-color,
// --solidarity-accent, --solidarity-muted, --solidarity-border, and ::part(list item title
// link programme deadline empty error). Only GET with persisted queries: answers are cached.

const QUERY =
  "query SolidarityWidgetCalls($locale: String, $country: String, $programme: String, " +
  "$perPage: Int) { calls(locale: $locale, status: OPEN, eligibleCountry: $country, " +
  "programme: $programme, perPage: $perPage, order: DEADLINE) { items { title url deadline " +
  "programme { name acronym } } } }";
// sha256(QUERY), checked by tests/partners/test_widget.py.
const QUERY_HASH = "bd2312b6723235f26017f776f90f45dd27884e4c2430c977d81a584a50432567";

const TEXT = {
  en: { heading: "Open calls", deadline: "Deadline", none: "There are no open calls right now.", error: "The calls could not be loaded.", more: "Read more" },
  sl: { heading: "Odprti razpisi", deadline: "Rok", none: "Trenutno ni odprtih razpisov.", error: "Razpisov ni bilo mogoče naložiti.", more: "Več" },
  sv: { heading: "Öppna utlysningar", deadline: "Sista dag", none: "Det finns inga öppna utlysningar just nu.", error: "Utlysningarna kunde inte hämtas.", more: "Läs mer" },
};

const STYLE = `
:host { display: block; }
.root { font: 400 var(--solidarity-font-size, 16px) / 1.4 var(--solidarity-font, system-ui, sans-serif);
  color: var(--solidarity-color, #1d1d1f); text-align: start; letter-spacing: normal; }
h2 { font-size: 1.2em; margin: 0 0 .5em; }
ul { list-style: none; margin: 0; padding: 0; }
li { border-top: 1px solid var(--solidarity-border, #ddd); padding: .6em 0; }
a { color: var(--solidarity-accent, #0b5cad); font-weight: 600; text-decoration: none; }
a:hover { text-decoration: underline; }
.meta { color: var(--solidarity-muted, #555); font-size: .9em; }
[part=error] { color: #a00; }
`;

const escape = (value) =>
  String(value ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

class SolidarityCalls extends HTMLElement {
  static observedAttributes = ["country", "key", "lang", "programme", "limit", "api"];

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
  }

  connectedCallback() {
    this.load();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.load();
  }

  language() {
    const supported = (this.getAttribute("languages") || "en,sl,sv").split(",").map((s) => s.trim());
    const wanted = [this.getAttribute("lang"), ...(navigator.languages || [])]
      .filter(Boolean)
      .map((tag) => tag.toLowerCase().split("-")[0]);
    return wanted.find((code) => supported.includes(code)) || supported[0];
  }

  async request(variables, withQuery) {
    const api = new URL(this.getAttribute("api") || "/graphql/", import.meta.url);
    api.searchParams.set("variables", JSON.stringify(variables));
    api.searchParams.set("extensions", JSON.stringify({ persistedQuery: { version: 1, sha256Hash: QUERY_HASH } }));
    if (withQuery) api.searchParams.set("query", QUERY);
    const headers = { Accept: "application/json" };
    const key = this.getAttribute("key");
    if (key) headers["X-API-Key"] = key;
    const response = await fetch(api, { headers, credentials: "omit" });
    const body = await response.json();
    return { response, body };
  }

  async load() {
    const locale = this.language();
    const text = TEXT[locale] || TEXT.en;
    const limit = Math.min(Math.max(parseInt(this.getAttribute("limit") || "10", 10) || 10, 1), 50);
    const variables = {
      locale,
      country: this.getAttribute("country") || null,
      programme: this.getAttribute("programme") || null,
      perPage: limit,
    };
    const ticket = (this.ticket = {});
    let items;
    try {
      let { response, body } = await this.request(variables, false);
      const missing = body.errors?.some((e) => e.extensions?.code === "PERSISTED_QUERY_NOT_FOUND");
      if (missing) ({ response, body } = await this.request(variables, true));
      if (!response.ok || body.errors) throw new Error(body.errors?.[0]?.message || response.statusText);
      items = body.data.calls.items;
    } catch (error) {
      if (ticket !== this.ticket) return;
      this.render(`<p part="error" role="alert">${escape(text.error)}</p>`);
      this.dispatchEvent(new CustomEvent("solidarity-error", { detail: String(error) }));
      return;
    }
    if (ticket !== this.ticket) return;
    const when = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short" });
    const rows = items.map((call) => {
      const programme = call.programme ? `<span part="programme">${escape(call.programme.name)}</span> · ` : "";
      const deadline = `${escape(text.deadline)}: <time part="deadline" datetime="${escape(call.deadline)}">${escape(when.format(new Date(call.deadline)))}</time>`;
      const title = call.url
        ? `<a part="link title" href="${escape(call.url)}" target="_top">${escape(call.title)}</a>`
        : `<span part="title">${escape(call.title)}</span>`;
      return `<li part="item">${title}<div class="meta">${programme}${deadline}</div></li>`;
    });
    this.render(
      `<h2 part="heading">${escape(text.heading)}</h2>` +
        (rows.length ? `<ul part="list">${rows.join("")}</ul>` : `<p part="empty">${escape(text.none)}</p>`),
      locale,
    );
  }

  render(html, locale) {
    this.shadowRoot.innerHTML = `<style>${STYLE}</style><div class="root" lang="${escape(locale || "")}">${html}</div>`;
    this.dataset.state = html.includes('part="error"') ? "error" : html.includes('part="empty"') ? "empty" : "ready";
  }
}

if (!customElements.get("solidarity-calls")) customElements.define("solidarity-calls", SolidarityCalls);
