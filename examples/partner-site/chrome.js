// The site's frame from the CMS: the network's name and tagline and the main menu in the
// header, the footer menu, contact address and social links in the footer (siteSettings and
// menu). Until an editor sets them, or if the CMS does not answer, the frame keeps this site's
// own words (i18n.js).

import { query } from "./api.js";
import { words } from "./i18n.js";
import { CHROME } from "./queries.js";
import { h, safeHref } from "./render.js";

function links(items) {
  return h(
    "ul",
    {},
    items.filter((item) => safeHref(item.url)).map((item) => h("li", {}, h("a", { href: item.url }, item.label))),
  );
}

export async function renderChrome(language) {
  let data;
  try {
    data = await query(CHROME, { locale: language });
  } catch {
    return;
  }
  const w = words(language);
  const settings = data.siteSettings;
  const brand = document.querySelector(".brand");
  if (settings && brand) {
    brand.textContent = settings.networkName;
    if (settings.tagline) {
      brand.after(h("span", { class: "tagline" }, settings.tagline));
    }
  }
  const header = document.querySelector(".site-header");
  if (header && data.main && data.main.items.length) {
    header.append(h("nav", { class: "main-menu", "aria-label": w.mainMenu }, links(data.main.items)));
  }
  const footer = document.querySelector(".site-footer");
  if (!footer) {
    return;
  }
  const extra = [];
  if (data.footer && data.footer.items.length) {
    extra.push(h("nav", { class: "footer-menu", "aria-label": w.footerMenu }, links(data.footer.items)));
  }
  if (settings && settings.socialLinks.length) {
    extra.push(links(settings.socialLinks.map((link) => ({ url: link.url, label: link.networkLabel }))));
  }
  if (settings && settings.contactEmail) {
    extra.push(h("p", {}, h("a", { href: `mailto:${settings.contactEmail}` }, settings.contactEmail)));
  }
  footer.append(...extra);
}
